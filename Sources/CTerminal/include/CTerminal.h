// Restores the terminal when HemoLab ends abnormally: a Swift runtime trap (SIGILL/SIGTRAP) or a
// fault calls a cleanup function (endwin) before the signal takes its course; SIGINT, SIGTERM and
// SIGHUP are recorded for the main loop, which restores the terminal and exits 128 + signal.
#ifndef HEMOLAB_CTERMINAL_H
#define HEMOLAB_CTERMINAL_H

/// Installs handlers for SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE and SIGABRT that call `cleanup`
/// once, restore the previous handler and re-raise the signal.
void hl_install_crash_hook(void (*cleanup)(void));

/// Removes the handlers installed by hl_install_crash_hook.
void hl_remove_crash_hook(void);

/// Installs handlers for SIGINT, SIGTERM and SIGHUP that only record the signal, for the main
/// loop to restore the terminal and exit with 128 + signal (see hl_pending_exit_signal). A second
/// signal before that calls `cleanup` and exits at once.
void hl_install_exit_signals(void (*cleanup)(void));

/// Restores the handlers replaced by hl_install_exit_signals.
void hl_remove_exit_signals(void);

/// The exit signal received since installation, or 0.
int hl_pending_exit_signal(void);

#endif
