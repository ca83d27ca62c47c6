/* Baseline: walk a Reaxys substance export with libxml2's SAX2 push parser
 * and do nothing else but count <substance> elements. RareShare's own XML
 * ingestion is compared with this in Scripts/bench/run. */
#include <libxml/parser.h>
#include <stdio.h>
#include <string.h>

static long records = 0;

static void on_start(void *ctx, const xmlChar *name, const xmlChar *prefix, const xmlChar *uri, int nns,
                     const xmlChar **ns, int nattr, int ndef, const xmlChar **attrs) {
    (void)ctx; (void)prefix; (void)uri; (void)nns; (void)ns; (void)nattr; (void)ndef; (void)attrs;
    if (strcmp((const char *)name, "substance") == 0) records++;
}

static void on_chars(void *ctx, const xmlChar *ch, int len) { (void)ctx; (void)ch; (void)len; }

int main(int argc, char **argv) {
    xmlInitParser();
    static char buf[1 << 20];
    for (int f = 1; f < argc; f++) {
        FILE *in = fopen(argv[f], "rb");
        if (!in) { perror(argv[f]); return 1; }
        xmlSAXHandler sax;
        memset(&sax, 0, sizeof sax);
        sax.initialized = XML_SAX2_MAGIC;
        sax.startElementNs = on_start;
        sax.characters = on_chars;
        xmlParserCtxtPtr ctxt = xmlCreatePushParserCtxt(&sax, NULL, NULL, 0, argv[f]);
        xmlCtxtUseOptions(ctxt, XML_PARSE_NONET);
        size_t n;
        while ((n = fread(buf, 1, sizeof buf, in)) > 0) xmlParseChunk(ctxt, buf, (int)n, 0);
        xmlParseChunk(ctxt, NULL, 0, 1);
        xmlFreeParserCtxt(ctxt);
        fclose(in);
    }
    printf("%ld\n", records);
    return 0;
}
