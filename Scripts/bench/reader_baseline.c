/* Baseline: walk a Reaxys substance export with libxml2's streaming
 * xmlTextReader and do nothing else but count <substance> elements. */
#include <libxml/xmlreader.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
    long records = 0;
    xmlInitParser();
    for (int f = 1; f < argc; f++) {
        xmlTextReaderPtr r = xmlReaderForFile(argv[f], NULL, XML_PARSE_NONET);
        if (!r) { fprintf(stderr, "cannot open %s\n", argv[f]); return 1; }
        int status;
        while ((status = xmlTextReaderRead(r)) == 1) {
            if (xmlTextReaderNodeType(r) == XML_READER_TYPE_ELEMENT) {
                const xmlChar *name = xmlTextReaderConstLocalName(r);
                if (name && strcmp((const char *)name, "substance") == 0) records++;
            }
        }
        xmlFreeTextReader(r);
        if (status != 0) { fprintf(stderr, "%s: parse error\n", argv[f]); return 1; }
    }
    printf("%ld\n", records);
    return 0;
}
