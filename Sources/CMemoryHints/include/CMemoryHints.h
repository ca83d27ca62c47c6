#ifndef RARESHARE_CMEMORYHINTS_H
#define RARESHARE_CMEMORYHINTS_H

/* Hints Swift has no spelling for. */

/// Asks the processor to start loading the cache line holding `address`
/// for reading, with little expected reuse. It never faults: any address is
/// allowed, and the call may do nothing.
static inline void rs_prefetch(const void *address) { __builtin_prefetch(address, 0, 1); }

#endif
