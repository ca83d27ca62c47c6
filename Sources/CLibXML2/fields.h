#ifndef RARESHARE_CLIBXML2_FIELDS_H
#define RARESHARE_CLIBXML2_FIELDS_H

#include "shim.h"
#include <stdint.h>
#include <stdlib.h>

/* Field capture for record readers.

   A Reaxys substance record is about 15 elements and 25 runs of text, most of
   them white space between tags or elements no reader looks at. Crossing into
   Swift for each of those SAX events cost more than libxml2's own parsing of
   them. In field mode libxml2 reports to the C functions below instead:
   - a start or end tag reaches the reader only when its local name is one the
     reader listed, and then as a small integer (the name's position + 1);
   - a name listed as a field opens a field here, inside a record the reader
     has opened and when no field is open; its text is appended to one buffer
     per parser until the field's end tag, and only that end tag reaches the
     reader (a field's children, and a field name nested in an open field,
     are part of its text);
   - the reader trims and slices that buffer itself.

   libxml2 interns element names in its parser dictionary, so a name is seen
   as the same pointer again and again; the code of each interned pointer is
   remembered in a small table (names the dictionary does not own, and names
   beyond the first 32, are compared every time). */

#define RS_FIELDS_MAX_NAMES 16
#define RS_FIELDS_SEEN 64 /* a power of two */

typedef void (*rs_fields_event)(void *owner, int code);

typedef struct rs_fields {
    char *names[RS_FIELDS_MAX_NAMES];
    /* By code: 1 when the name is a field. */
    unsigned char isField[RS_FIELDS_MAX_NAMES + 1];
    int nameCount;
    /* Codes of interned names: open addressing on a hash of the pointer,
       at most half full. */
    const xmlChar *seen[RS_FIELDS_SEEN];
    int seenCode[RS_FIELDS_SEEN];
    int seenCount;
    /* The reader's text: bytes of the fields of the current record, back to back. */
    unsigned char *text;
    size_t length;
    size_t capacity;
    /* Set by the reader between a record's start and end tags. */
    int recordOpen;
    /* Code whose end tag closes the open field; 0 when no field is open. */
    int capturing;
    /* Where the open (or last) field's text starts. */
    size_t fieldStart;
    /* Set when the text buffer could not grow; the parse is stopped. */
    int failed;
    rs_fields_event start;
    rs_fields_event end;
    void *owner;
    xmlParserCtxtPtr context;
} rs_fields;

static inline rs_fields *rs_fields_create(rs_fields_event start, rs_fields_event end, void *owner) {
    rs_fields *f = (rs_fields *)calloc(1, sizeof(rs_fields));
    if (f == NULL) return NULL;
    f->start = start;
    f->end = end;
    f->owner = owner;
    return f;
}

static inline void rs_fields_free(rs_fields *f) {
    if (f == NULL) return;
    for (int i = 0; i < f->nameCount; i++) free(f->names[i]);
    free(f->text);
    free(f);
}

/* Adds a name the reader wants events for (`isField`: one whose text it
   reads); its code is the number of names so far. Returns the code, or 0
   when full. */
static inline int rs_fields_add_name(rs_fields *f, const char *name, int isField) {
    if (f->nameCount >= RS_FIELDS_MAX_NAMES) return 0;
    size_t n = strlen(name);
    char *copy = (char *)malloc(n + 1);
    if (copy == NULL) return 0;
    memcpy(copy, name, n + 1);
    f->names[f->nameCount++] = copy;
    f->isField[f->nameCount] = isField ? 1 : 0;
    return f->nameCount;
}

static inline int rs_fields_code(rs_fields *f, const xmlChar *name) {
    uintptr_t p = (uintptr_t)name;
    unsigned slot = (unsigned)((p >> 4) ^ (p >> 10)) & (RS_FIELDS_SEEN - 1);
    for (int probe = 0; probe < RS_FIELDS_SEEN; probe++) {
        const xmlChar *seen = f->seen[slot];
        if (seen == name) return f->seenCode[slot];
        if (seen == NULL) break;
        slot = (slot + 1) & (RS_FIELDS_SEEN - 1);
    }
    int code = 0;
    for (int i = 0; i < f->nameCount; i++) {
        if (strcmp((const char *)name, f->names[i]) == 0) { code = i + 1; break; }
    }
    if (f->seen[slot] == NULL && f->seenCount < RS_FIELDS_SEEN / 2 && f->context != NULL
        && f->context->dict != NULL && xmlDictOwns(f->context->dict, name) == 1) {
        f->seen[slot] = name;
        f->seenCode[slot] = code;
        f->seenCount++;
    }
    return code;
}

/* Makes room for `extra` more bytes of text; on failure stops the parse. */
static inline int rs_fields_reserve(rs_fields *f, size_t extra) {
    if (f->length + extra <= f->capacity) return 1;
    size_t wanted = f->capacity < 256 ? 256 : f->capacity * 2;
    while (wanted < f->length + extra) wanted *= 2;
    unsigned char *grown = (unsigned char *)realloc(f->text, wanted);
    if (grown == NULL) {
        f->failed = 1;
        f->capturing = 0;
        if (f->context != NULL) xmlStopParser(f->context);
        return 0;
    }
    f->text = grown;
    f->capacity = wanted;
    return 1;
}

/* Appends bytes to the text (used by the reader when it rewrites a field). */
static inline int rs_fields_append(rs_fields *f, const unsigned char *bytes, size_t count) {
    if (!rs_fields_reserve(f, count)) return 0;
    if (count > 0) memcpy(f->text + f->length, bytes, count);
    f->length += count;
    return 1;
}

static void rs_fields_on_start(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
                               int namespaceCount, const xmlChar **namespaces, int attributeCount,
                               int defaultedCount, const xmlChar **attributes) {
    (void)prefix; (void)uri; (void)namespaceCount; (void)namespaces;
    (void)attributeCount; (void)defaultedCount; (void)attributes;
    rs_fields *f = (rs_fields *)ctx;
    if (f == NULL || localname == NULL) return;
    int code = rs_fields_code(f, localname);
    if (code == 0) return;
    if (f->isField[code]) {
        if (f->recordOpen && f->capturing == 0) {
            f->capturing = code;
            f->fieldStart = f->length;
        }
        return;
    }
    f->start(f->owner, code);
}

static void rs_fields_on_end(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri) {
    (void)prefix; (void)uri;
    rs_fields *f = (rs_fields *)ctx;
    if (f == NULL || localname == NULL) return;
    int code = rs_fields_code(f, localname);
    if (code == 0) return;
    if (f->isField[code]) {
        if (code != f->capturing) return;
        f->capturing = 0;
    }
    f->end(f->owner, code);
}

static void rs_fields_on_text(void *ctx, const xmlChar *ch, int len) {
    rs_fields *f = (rs_fields *)ctx;
    if (f == NULL || f->capturing == 0 || ch == NULL || len <= 0) return;
    if (!rs_fields_reserve(f, (size_t)len)) return;
    memcpy(f->text + f->length, ch, (size_t)len);
    f->length += (size_t)len;
}

/* Points a SAX2 table's element and text callbacks at field capture. */
static inline void rs_fields_install(xmlSAXHandler *sax) {
    sax->initialized = XML_SAX2_MAGIC;
    sax->startElementNs = rs_fields_on_start;
    sax->endElementNs = rs_fields_on_end;
    sax->characters = rs_fields_on_text;
    sax->cdataBlock = rs_fields_on_text;
}

#endif
