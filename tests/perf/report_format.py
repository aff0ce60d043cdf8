"""The report's figures: medians, ratios, and how a time, a ratio, a count and a goal are written."""

import statistics

# the head of most tables: ours beside the baseline, the requests and the writes of each, the goal
TABLE_HEAD = ["| workload | ours | baseline | ratio | requests sent | writes | goal | goal met |",
              "| --- | --- | --- | --- | --- | --- | --- | --- |"]


def med(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def medians(samples):
    """{variant: {field: median}} of {variant: {field: [samples]}}."""
    return dict((key, dict((field, med(values)) for field, values in fields.items())) for key, fields in samples.items())


def ratio(a, b):
    return None if a is None or not b else a / b


def fmt_s(value):
    return "-" if value is None else ("%.2f s" % value)


def fmt_ratio(value):
    if value is None:
        return "-"
    return "%.2fx (1/%.0f)" % (value, 1 / value) if 0 < value < 0.5 else "%.2fx" % value


def fmt_int(value):
    return "-" if value is None else "%d" % round(value)


def yes_no(ok):
    return "-" if ok is None else ("yes" if ok else "**no**")
