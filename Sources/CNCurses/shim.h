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
static inline int hl_key_up(void) { return KEY_UP; }
static inline int hl_key_down(void) { return KEY_DOWN; }
static inline int hl_key_left(void) { return KEY_LEFT; }
static inline int hl_key_right(void) { return KEY_RIGHT; }
static inline int hl_key_enter(void) { return KEY_ENTER; }
static inline int hl_key_backspace(void) { return KEY_BACKSPACE; }
static inline int hl_key_delete(void) { return KEY_DC; }
static inline int hl_key_home(void) { return KEY_HOME; }
static inline int hl_key_end(void) { return KEY_END; }
static inline int hl_key_page_up(void) { return KEY_PPAGE; }
static inline int hl_key_page_down(void) { return KEY_NPAGE; }
static inline int hl_key_back_tab(void) { return KEY_BTAB; }
static inline int hl_key_code_yes(void) { return KEY_CODE_YES; }
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
