// libedit from Debian's libedit-dev, through its readline-compatible interface.
#include <stdio.h>
#include <editline/readline.h>

// Setters and getters for readline's global variables. Swift 6 rejects direct references to
// mutable C globals as shared mutable state; these inline functions are the one place they are
// touched, always from the thread that runs the line editor.

static inline void cedit_set_readline_name(const char *name) { rl_readline_name = name; }

// Whether libedit installs its own signal handlers while it reads a line.
static inline void cedit_set_catch_signals(int enabled) {
    rl_catch_signals = enabled;
    rl_catch_sigwinch = enabled;
}

// Sends the prompt and the echo of typed text to stderr instead of stdout.
static inline void cedit_use_standard_error(void) { rl_outstream = stderr; }

static inline FILE *cedit_output_stream(void) { return rl_outstream ? rl_outstream : stdout; }


static inline void cedit_set_completion_function(rl_completion_func_t *function) {
    rl_attempted_completion_function = function;
}

static inline void cedit_set_completion_entry_function(rl_compentry_func_t *function) {
    rl_completion_entry_function = function;
}

static inline void cedit_set_completion_append_character(int character) {
    rl_completion_append_character = character;
}

static inline const char *cedit_line_buffer(void) { return rl_line_buffer; }

// Replaces the function libedit reads one character with; it must return a Unicode code point,
// or -1 for end of input.
static inline void cedit_set_getc_function(int (*function)(FILE *)) { rl_getc_function = function; }
