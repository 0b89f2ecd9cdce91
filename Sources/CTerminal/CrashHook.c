#include "CTerminal.h"

#include <signal.h>
#include <string.h>

static void (*hl_cleanup)(void) = 0;
static const int hl_signals[] = {SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT};
#define HL_SIGNAL_COUNT (sizeof(hl_signals) / sizeof(hl_signals[0]))
static struct sigaction hl_previous[HL_SIGNAL_COUNT];
static volatile sig_atomic_t hl_installed = 0;

static void hl_restore_handlers(void) {
  for (unsigned i = 0; i < HL_SIGNAL_COUNT; i++) sigaction(hl_signals[i], &hl_previous[i], 0);
  hl_installed = 0;
}

static void hl_on_fatal_signal(int signal_number) {
  void (*cleanup)(void) = hl_cleanup;
  hl_cleanup = 0;
  if (cleanup) cleanup();
  hl_restore_handlers();
  raise(signal_number);
}

void hl_install_crash_hook(void (*cleanup)(void)) {
  if (hl_installed) return;
  hl_cleanup = cleanup;
  struct sigaction action;
  memset(&action, 0, sizeof(action));
  action.sa_handler = hl_on_fatal_signal;
  sigemptyset(&action.sa_mask);
  for (unsigned i = 0; i < HL_SIGNAL_COUNT; i++) sigaction(hl_signals[i], &action, &hl_previous[i]);
  hl_installed = 1;
}

void hl_remove_crash_hook(void) {
  if (!hl_installed) return;
  hl_cleanup = 0;
  hl_restore_handlers();
}
