// Restores the terminal when HemoLab dies abnormally. ncurses restores the tty on SIGINT and
// SIGTERM itself; a Swift runtime trap (SIGILL/SIGTRAP) or a fault does not, and would leave the
// learner's terminal in raw mode. The hook calls a cleanup function first, then lets the signal
// take its usual course.
#ifndef HEMOLAB_CTERMINAL_H
#define HEMOLAB_CTERMINAL_H

/// Installs handlers for SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE and SIGABRT that call `cleanup`
/// once, restore the previous handler and re-raise the signal.
void hl_install_crash_hook(void (*cleanup)(void));

/// Removes the handlers installed by hl_install_crash_hook.
void hl_remove_crash_hook(void);

#endif
