#ifndef RARESHARE_CZLIB_SHIM_H
#define RARESHARE_CZLIB_SHIM_H
#include <zlib.h>

/// inflateInit2 is a macro in zlib.h; Swift cannot call macros.
/// windowBits 15 + 32: accept both gzip and zlib headers.
static inline int rs_inflate_init_gzip(z_streamp strm) {
    return inflateInit2(strm, 15 + 32);
}
#endif
