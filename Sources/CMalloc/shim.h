// glibc's malloc tuning (mallopt), which the Glibc module does not import: `safetyplan
// batch` keeps freed memory for the next group of records instead of handing it back to
// the kernel after each group (see Sources/safetyplan/Batch.swift).
#if defined(__linux__)
#include <malloc.h>
#endif
