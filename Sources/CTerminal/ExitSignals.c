#include "CTerminal.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>

static void (*hl_exit_cleanup)(void) = 0;
static const int hl_exit_signals[] = {SIGINT, SIGTERM, SIGHUP};
#define HL_EXIT_SIGNAL_COUNT (sizeof(hl_exit_signals) / sizeof(hl_exit_signals[0]))
static struct sigaction hl_exit_previous[HL_EXIT_SIGNAL_COUNT];
static volatile sig_atomic_t hl_exit_pending = 0;
static volatile sig_atomic_t hl_exit_installed = 0;

static void hl_on_exit_signal(int signal_number) {
  if (hl_exit_pending) {
    // Second signal: the main loop did not get to it; restore the terminal and leave now.
    void (*cleanup)(void) = hl_exit_cleanup;
    hl_exit_cleanup = 0;
    if (cleanup) cleanup();
    _exit(128 + signal_number);
  }
  hl_exit_pending = signal_number;
}

void hl_install_exit_signals(void (*cleanup)(void)) {
  if (hl_exit_installed) return;
  hl_exit_cleanup = cleanup;
  hl_exit_pending = 0;
  struct sigaction action;
  memset(&action, 0, sizeof(action));
  action.sa_handler = hl_on_exit_signal;
  sigemptyset(&action.sa_mask);
  for (unsigned i = 0; i < HL_EXIT_SIGNAL_COUNT; i++)
    sigaction(hl_exit_signals[i], &action, &hl_exit_previous[i]);
  hl_exit_installed = 1;
}

void hl_remove_exit_signals(void) {
  if (!hl_exit_installed) return;
  for (unsigned i = 0; i < HL_EXIT_SIGNAL_COUNT; i++)
    sigaction(hl_exit_signals[i], &hl_exit_previous[i], 0);
  hl_exit_cleanup = 0;
  hl_exit_installed = 0;
}

int hl_pending_exit_signal(void) { return hl_exit_pending; }
