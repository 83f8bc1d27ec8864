// glibc's malloc_trim, which the Glibc module does not import: when sessions expire, the
// server gives the memory they freed back to the system (WebServer.returnFreedMemory).
#if defined(__linux__)
#include <malloc.h>
#endif
