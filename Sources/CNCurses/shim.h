// ncursesw for Swift: the wide-character API plus accessors for what Swift cannot import
// (macros and mutable C globals).
#ifndef HEMOLAB_CNCURSES_SHIM_H
#define HEMOLAB_CNCURSES_SHIM_H

#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#if defined(__APPLE__)
#include <curses.h>
#else
#include <ncursesw/curses.h>
#endif

static inline WINDOW *hl_stdscr(void) { return stdscr; }
static inline int hl_colors(void) { return COLORS; }
static inline int hl_color_pairs(void) { return COLOR_PAIRS; }
static inline int hl_lines(void) { return LINES; }
static inline int hl_cols(void) { return COLS; }
static inline int hl_key_resize(void) { return KEY_RESIZE; }
static inline int hl_key_mouse(void) { return KEY_MOUSE; }
static inline int hl_err(void) { return ERR; }
static inline attr_t hl_a_bold(void) { return A_BOLD; }
static inline attr_t hl_a_reverse(void) { return A_REVERSE; }
static inline attr_t hl_a_underline(void) { return A_UNDERLINE; }
static inline attr_t hl_a_dim(void) { return A_DIM; }
static inline mmask_t hl_mouse_button1_clicked(void) { return BUTTON1_CLICKED | BUTTON1_PRESSED; }
static inline mmask_t hl_mouse_scroll_up(void) { return BUTTON4_PRESSED; }
#if defined(BUTTON5_PRESSED)
static inline mmask_t hl_mouse_scroll_down(void) { return BUTTON5_PRESSED; }
#else
static inline mmask_t hl_mouse_scroll_down(void) { return 0; }
#endif
static inline const char *hl_codeset(void) { return nl_langinfo(CODESET); }

#endif
