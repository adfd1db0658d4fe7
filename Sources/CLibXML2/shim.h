#ifndef STACKSFIT_CLIBXML2_SHIM_H
#define STACKSFIT_CLIBXML2_SHIM_H

/* libxml2's headers pull in the system ICU when it was built with ICU, which clashes with the ICU
   copy inside Foundation. stacksfit never touches the encoding handlers whose layout depends on it
   (all text reaches libxml2 as UTF-8), so hide ICU from the headers. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/entities.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>
#include <libxml/uri.h>

/* xmlFree is a global function pointer, which Swift 6 rejects as shared mutable state. */
static inline void stacksfit_xmlFree(void *pointer) {
    xmlFree(pointer);
}

/* An external entity loader that refuses everything: no file, no network, no DTD. */
static inline xmlParserInputPtr stacksfit_refuse_entity(const char *url, const char *id,
                                                        xmlParserCtxtPtr context) {
    (void)url; (void)id; (void)context;
    return NULL;
}

/* Initialises libxml2 once and installs the refusing entity loader, process-wide. */
static inline void stacksfit_xml_init(void) {
    xmlInitParser();
    xmlSetExternalEntityLoader(stacksfit_refuse_entity);
}

/* Routes a parser context's structured errors to handler(userData-of-context, error). */
static inline void stacksfit_ctxt_set_serror(xmlParserCtxtPtr ctxt, xmlStructuredErrorFunc handler) {
    if (ctxt == NULL || ctxt->sax == NULL) return;
    ctxt->sax->initialized = XML_SAX2_MAGIC;
    ctxt->sax->serror = handler;
    ctxt->sax->error = NULL;
    ctxt->sax->warning = NULL;
    ctxt->vctxt.error = NULL;
    ctxt->vctxt.warning = NULL;
}

#endif
