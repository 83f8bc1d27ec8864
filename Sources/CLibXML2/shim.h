#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
// Debian's libxml2 is built with ICU; its headers clash with Foundation's own ICU
// (UErrorCode) in any module that imports both. SafeXML needs none of libxml2's ICU API.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/SAX2.h>
#include <libxml/relaxng.h>

/// `xmlFree` is a global function-pointer variable, which Swift 6 rejects as shared
/// mutable state; this wrapper is the one way SafeXML frees libxml2 memory.
static inline void clibxml2_free(void *p) { xmlFree(p); }

/// Discards a message sent to libxml2's generic error handler.
static inline void clibxml2_discard_generic_error(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

/// Makes libxml2's generic error handler discard its messages on the calling thread (libxml2
/// keeps that handler per thread). By default it prints to standard error, and libxml2 sends
/// some problems there besides reporting them to the parser (an invalid byte in a declared
/// encoding: "encoding error : … bytes 0xAD 0x6C …", "I/O error : encoder error"). SafeXML
/// reports every problem as an `XMLError`, so nothing of libxml2's may reach standard error.
static inline void clibxml2_discard_generic_errors(void) {
    xmlSetGenericErrorFunc(NULL, clibxml2_discard_generic_error);
}

#endif
