// Keeps ncurses from erasing cells it believes blank (where the graphics layer has drawn
// pixels): no clear-to-end/beginning-of-line, no erase-characters, no insert/delete-character.
// ncurses then writes only the cells that changed.
#ifndef HEMOLAB_CNCURSES_GRAPHICS_H
#define HEMOLAB_CNCURSES_GRAPHICS_H

#include "shim.h"
#if defined(__APPLE__)
#include <term.h>
#else
#include <ncursesw/term.h>
#endif

static inline void hl_keep_blank_cells(void) {
  if (cur_term != NULL) {
    clr_eol = NULL;
    clr_bol = NULL;
    erase_chars = NULL;
  }
  idcok(stdscr, FALSE);
  idlok(stdscr, FALSE);
}

#endif
