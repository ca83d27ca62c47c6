#ifndef RARESHARE_CZLIB_SHIM_H
#define RARESHARE_CZLIB_SHIM_H
#include <zlib.h>

/// inflateInit2 is a macro in zlib.h; Swift cannot call macros.
/// windowBits 15 + 32: accept both gzip and zlib headers.
static inline int rs_inflate_init_gzip(z_streamp strm) {
    return inflateInit2(strm, 15 + 32);
}

/// deflateInit2 is a macro too. windowBits 15 + 16: write a gzip header and
/// trailer, so each compressed block is one complete gzip member.
static inline int rs_deflate_init_gzip(z_streamp strm, int level) {
    return deflateInit2(strm, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}

/// inflateInit2 for gzip members only (windowBits 15 + 16).
static inline int rs_inflate_init_gzip_only(z_streamp strm) {
    return inflateInit2(strm, 15 + 16);
}
#endif
