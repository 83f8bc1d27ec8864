// The system's libedit (BSD editline), for line editing in the terminal interview.
// el_set and history are variadic, which Swift cannot call: these wrappers fix the
// arguments the tool uses.
#include <stdio.h>
#include <histedit.h>

/// A line editor on `in`/`out` (prompts and echo on `out`) with emacs keys, a history,
/// and no signal handling of its own (the tool's cleanup thread handles signals) and no
/// ~/.editrc (nothing is read beyond what the user names).
static inline EditLine *safetyplan_el_start(
    const char *name, FILE *in, FILE *out, FILE *err, char *(*prompt)(EditLine *), History *history_)
{
    EditLine *editor = el_init(name, in, out, err);
    if (editor == NULL) return NULL;
    el_set(editor, EL_SIGNAL, 0);
    el_set(editor, EL_EDITOR, "emacs");
    el_set(editor, EL_PROMPT, prompt);
    el_set(editor, EL_HIST, history, history_);
    return editor;
}

/// A history of at most `size` lines, without repeats next to each other.
static inline History *safetyplan_history_start(int size)
{
    History *history_ = history_init();
    if (history_ == NULL) return NULL;
    HistEvent event;
    history(history_, &event, H_SETSIZE, size);
    history(history_, &event, H_SETUNIQUE, 1);
    return history_;
}

/// Adds a line to the history.
static inline void safetyplan_history_add(History *history_, const char *line)
{
    HistEvent event;
    history(history_, &event, H_ENTER, line);
}
