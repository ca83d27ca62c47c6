#ifndef RARESHARE_CISAL_SHIM_H
#define RARESHARE_CISAL_SHIM_H
// ISA-L's inflate (Debian libisal-dev): gzip members decoded about twice as
// fast as zlib's inflate on x86-64. The state is large (about 100 KB of
// tables and history), so it lives on the heap behind these helpers.
#include <isa-l/igzip_lib.h>
#include <stdint.h>
#include <stdlib.h>

/// A fresh state that parses a gzip header and verifies the member's CRC-32. NULL when out of memory.
static inline struct inflate_state *rs_isal_make(void) {
    struct inflate_state *s = (struct inflate_state *)malloc(sizeof(struct inflate_state));
    if (s) { isal_inflate_init(s); s->crc_flag = ISAL_GZIP; }
    return s;
}

/// Starts the next gzip member (as `cat a.gz b.gz` makes) with the same state.
static inline void rs_isal_restart(struct inflate_state *s) {
    isal_inflate_reset(s);
    s->crc_flag = ISAL_GZIP;
}

static inline void rs_isal_free(struct inflate_state *s) { free(s); }

/// Inflates from `in` (`*in_left` bytes) into `out` (`*out_left` bytes),
/// updating both counts. Returns ISA-L's status (0 when fine, negative when
/// the data is corrupt); `*member_done` is set when the member ended.
static inline int rs_isal_step(struct inflate_state *s, uint8_t *in, uint32_t *in_left,
                               uint8_t *out, uint32_t *out_left, int *member_done) {
    s->next_in = in;
    s->avail_in = *in_left;
    s->next_out = out;
    s->avail_out = *out_left;
    int r = isal_inflate(s);
    *in_left = s->avail_in;
    *out_left = s->avail_out;
    *member_done = s->block_state == ISAL_BLOCK_FINISH;
    return r;
}
#endif
