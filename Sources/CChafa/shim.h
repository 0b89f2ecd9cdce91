// libchafa for Swift: the C API plus helpers for what Swift handles badly (GString ownership,
// enum flags). Include paths come from `pkg-config --cflags chafa` (chafa's and glib's).
#ifndef HEMOLAB_CCHAFA_SHIM_H
#define HEMOLAB_CCHAFA_SHIM_H

#include <stdlib.h>
#include <string.h>
#include <chafa.h>

/// The canvas printed for `term_info` (NULL: chafa's fallback sequences) as a malloc'ed,
/// NUL-terminated UTF-8 string the caller frees with free(); its byte length in *length_out.
static inline char *hl_chafa_print(ChafaCanvas *canvas, ChafaTermInfo *term_info,
                                   size_t *length_out) {
  GString *printed = chafa_canvas_print(canvas, term_info);
  if (printed == NULL) {
    *length_out = 0;
    return NULL;
  }
  char *copy = malloc(printed->len + 1);
  if (copy != NULL) {
    memcpy(copy, printed->str, printed->len);
    copy[printed->len] = '\0';
  }
  *length_out = copy != NULL ? printed->len : 0;
  g_string_free(printed, TRUE);
  return copy;
}

/// chafa's fallback terminal description: every sequence it knows (sixel, kitty, iTerm2).
static inline ChafaTermInfo *hl_chafa_fallback_term_info(void) {
  return chafa_term_db_get_fallback_info(chafa_term_db_get_default());
}

#endif
