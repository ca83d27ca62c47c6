/* Inflates gzip files with ISA-L and discards the output: the floor for
 * RareShare's gzip reading, next to `zcat > /dev/null` (zlib).
 * Build: gcc -O2 isal_inflate.c -lisal */
#include <isa-l/igzip_lib.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    static uint8_t in[1 << 20], out[2 << 20];
    struct inflate_state *s = malloc(sizeof *s);
    unsigned long long total = 0;
    for (int f = 1; f < argc; f++) {
        FILE *fh = fopen(argv[f], "rb");
        if (!fh) { perror(argv[f]); return 1; }
        isal_inflate_init(s);
        s->crc_flag = ISAL_GZIP;
        size_t n;
        while ((n = fread(in, 1, sizeof in, fh)) > 0) {
            s->next_in = in;
            s->avail_in = (uint32_t)n;
            while (s->avail_in > 0) {
                s->next_out = out;
                s->avail_out = sizeof out;
                if (isal_inflate(s) < 0) { fprintf(stderr, "%s: corrupt\n", argv[f]); return 1; }
                total += sizeof out - s->avail_out;
                if (s->block_state == ISAL_BLOCK_FINISH) {
                    if (s->avail_in == 0) break;
                    uint8_t *rest = s->next_in;
                    uint32_t left = s->avail_in;
                    isal_inflate_reset(s);
                    s->crc_flag = ISAL_GZIP;
                    s->next_in = rest;
                    s->avail_in = left;
                } else if (s->avail_out != 0 && s->avail_in == 0) {
                    break;
                }
            }
        }
        /* drain what is left in the state's buffers */
        while (s->block_state != ISAL_BLOCK_FINISH) {
            s->next_out = out;
            s->avail_out = sizeof out;
            s->avail_in = 0;
            if (isal_inflate(s) < 0) { fprintf(stderr, "%s: corrupt\n", argv[f]); return 1; }
            if (s->avail_out == sizeof out) break;
            total += sizeof out - s->avail_out;
        }
        fclose(fh);
    }
    fprintf(stderr, "%llu bytes\n", total);
    return 0;
}
