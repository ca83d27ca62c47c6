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

/// Stops a running parse from inside a SAX callback.
static inline void rs_xml_stop(xmlParserCtxtPtr ctxt) { xmlStopParser(ctxt); }

#endif
