#ifndef RAPPORT_CNCURSESW_SHIM_H
#define RAPPORT_CNCURSESW_SHIM_H
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <stdio.h>
#include <ncursesw/curses.h>

/* Swift 6 cannot touch ncurses' global variables or function-like macros safely; these do. */
static inline WINDOW *rapport_stdscr(void) { return stdscr; }
static inline int rapport_lines(void) { return LINES; }
static inline int rapport_cols(void) { return COLS; }
static inline int rapport_colors(void) { return COLORS; }
static inline int rapport_color_pairs(void) { return COLOR_PAIRS; }
static inline void rapport_set_escdelay(int ms) { set_escdelay(ms); }
static inline attr_t rapport_a_bold(void) { return A_BOLD; }
static inline attr_t rapport_a_underline(void) { return A_UNDERLINE; }
static inline attr_t rapport_a_reverse(void) { return A_REVERSE; }
static inline attr_t rapport_a_dim(void) { return A_DIM; }
static inline attr_t rapport_a_italic(void) { return A_ITALIC; }
static inline int rapport_key_code_yes(void) { return KEY_CODE_YES; }
static inline int rapport_err(void) { return ERR; }
static inline const char *rapport_codeset(void) { return nl_langinfo(CODESET); }
static inline SCREEN *rapport_newterm(void) { return newterm(NULL, stdout, stdin); }
static inline void rapport_flush_stdout(void) { fflush(stdout); }
#endif
