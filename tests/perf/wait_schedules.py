"""Section 5's computed figures: the collection's own `waiting.wait_for` (the tree's) under a fake
clock, for the push job's schedule and the VOSS transactions' one, each beside the schedule it
replaced (issue 25). No emulator: a poll takes no time, and answers Success once the clock has
reached the job's end."""

import statistics
import sys

# the schedules before issue 25: 5 s growing by half up to 30 s (push jobs, cmc_push_job's
# defaults then), 0.5 s growing by half up to 5 s (VOSS transactions)
OLD_PUSH = dict(interval=5.0, max_interval=30.0)
OLD_VOSS = dict(interval=0.5, max_interval=5.0)


def computed(collections, seconds):
    """{"push": {...}, "voss": {...}}: each with its schedules' descriptions and rows."""
    sys.path.insert(0, collections)
    try:
        import yaml
        from ansible_collections.ncm.platforms.plugins.module_utils import waiting
        from ansible_collections.ncm.platforms.plugins.module_utils.voss import transactions
        from ansible_collections.ncm.platforms.plugins.modules import cmc_push_job
        options = yaml.safe_load(cmc_push_job.DOCUMENTATION)["options"]
        push = dict(interval=float(options["poll_interval"]["default"]),
                    max_interval=options["max_poll_interval"].get("default"))
        timeout = float(options["wait_timeout"]["default"])
        voss = dict(interval=transactions.POLL_INTERVAL, early=tuple(transactions.EARLY_POLLS))
    finally:
        sys.path.remove(collections)
    push_lengths = [float(n) for n in range(1, int(timeout) + 1)]
    voss_lengths = [n / 10.0 for n in range(1, 3001)]
    return {
        "push": dict(new=push, old=OLD_PUSH, rows=rows(waiting.wait_for, push, OLD_PUSH, "Queued", timeout,
                                                       sorted(set([seconds, 3, 42, 60, 90, 600])), push_lengths, "job")),
        "voss": dict(new=voss, old=OLD_VOSS, rows=rows(waiting.wait_for, voss, OLD_VOSS, None, 300.0,
                                                       [0.5, 1.5, 5, 30, 120], voss_lengths, "transaction")),
    }


def rows(wait_for, new, old, state, timeout, examples, sweep, noun):
    """[{label, new: (polls, delay, polls per 4 s), old: (...)}]: the examples, then the worst and
    the mean of the sweep's lengths."""
    out = []
    for length in examples:
        out.append(dict(label="%g s %s" % (length, noun),
                        new=simulate(wait_for, new, state, timeout, length),
                        old=simulate(wait_for, old, state, timeout, length)))
    span = "%g..%g s" % (sweep[0], sweep[-1])
    runs = dict((name, [simulate(wait_for, schedule, state, timeout, length) for length in sweep])
                for name, schedule in (("new", new), ("old", old)))
    for label, pick in (("worst", max), ("mean", statistics.mean)):
        out.append(dict(label="%ss of %s, %s" % (noun, span, label),
                        **dict((name, tuple(pick(run[i] for run in runs[name]) for i in range(3))) for name in runs)))
    return out


def simulate(wait_for, schedule, state, timeout, length):
    """(polls, delay after the end, polls per 4 s of the wait) of waiting for `length` seconds."""
    now = [0.0]

    def poll():
        return "Success" if now[0] >= length else "InProgress"

    def sleep(delay):
        now[0] += delay
    result = wait_for(poll, lambda current: current == "Success", timeout, clock=lambda: now[0], sleep=sleep,
                      state=state, **schedule)
    return result.polls, result.elapsed - length, result.polls * 4.0 / result.elapsed if result.elapsed else 0.0
