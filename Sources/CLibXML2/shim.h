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

#endif
