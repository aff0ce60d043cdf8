"""Run the EXAMPLES of every module of the collection against the emulator.

    python run_examples.py WORK_DIR [ansible-playbook arguments...]

Run from this target's directory (runme.sh) while the emulator serves: it reads the EXAMPLES
string of each file in plugins/modules (parsed with ast, never imported) of the collection
this directory lives in, turns the task list of each module into a play (plan.yml says what
to seed and which tasks run in check mode), writes the playbook to WORK_DIR, runs it and
fails unless every example task ran (ok or changed, never skipped) and every check held.
The whole output of ansible-playbook goes to stdout (at the verbosity ansible-test's
configuration sets): tools/scan-secrets.py checks that no secret shows in it.

How an example is pointed at the emulator, the same way for every example:
- the play's module_defaults give `api` (url and credentials) to the groups
  group/ncm.platforms.infraon, .scc and .voss, for an example without `api`;
- an example's own `api` keeps its keys and values (credentials as variables, which
  integration_config.yml and example_vars.yml define) but its `url` becomes the emulator's;
- a module option naming a file (`*_path`, `*_file`) is moved into WORK_DIR/files (same base
  name; the plays see that folder as `module_examples_files`).
"""

import argparse
import ast
import copy
import os
import re
import subprocess
import sys

import yaml

NAMESPACE = "ncm.platforms"
PLATFORMS = ("infraon", "scc", "voss")
PLAN_KEYS = ("switches", "seed", "check_mode", "checks")
# the credentials each platform's module_defaults take from integration_config.yml
CREDENTIALS = {
    "infraon": {"api_key": "infraon_api_key"},
    "scc": {"access_code": "scc_access_code"},
    "voss": {"username": "voss_username", "password": "voss_password"},
}
# the modules' environment fallbacks, for an example that relies on them
ENVIRONMENT = {
    "INFRAON_URL": "emulator_url", "INFRAON_API_KEY": "infraon_api_key",
    "SCC_URL": "emulator_url", "SCC_ACCESS_CODE": "scc_access_code",
    "VOSS_URL": "emulator_url", "VOSS_USERNAME": "voss_username", "VOSS_PASSWORD": "voss_password",
}
# task keywords (what is not one of these, nor a module, is an error in an example)
TASK_KEYWORDS = frozenset((
    "name", "register", "check_mode", "diff", "when", "loop", "loop_control", "with_items",
    "vars", "no_log", "changed_when", "failed_when", "until", "retries", "delay", "tags",
    "ignore_errors", "become", "delegate_to", "run_once", "environment", "notify",
    "module_defaults", "timeout", "throttle", "any_errors_fatal", "args", "async", "poll",
))
# facts an example may use: the play gathers the minimal subset when one is named
FACTS = re.compile(r"\bansible_(facts|date_time|env|hostname|fqdn|nodename|user_id|system|os_family|distribution\w*)\b")
TASK_LINE = re.compile(r"^TASK \[(?P<module>\w+) example (?P<index>\d+)/(?P<total>\d+): .*\] \**$")
STATUS_LINE = re.compile(r"^(?P<status>ok|changed|skipping|fatal|failed): \[localhost\]")


class ExampleError(Exception):
    """An example or the plan cannot be run as it is."""


def collection_root(start):
    """The collection this target belongs to: the nearest parent with galaxy.yml and plugins/modules."""
    path = os.path.abspath(start)
    while True:
        if os.path.isfile(os.path.join(path, "galaxy.yml")) and os.path.isdir(os.path.join(path, "plugins", "modules")):
            return path
        parent = os.path.dirname(path)
        if parent == path:
            raise ExampleError("no collection (galaxy.yml and plugins/modules) above %s" % start)
        path = parent


def module_examples(path):
    """The EXAMPLES string of a module file, read with ast."""
    with open(path, encoding="utf-8") as handle:
        tree = ast.parse(handle.read(), filename=path)
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(target, ast.Name) and target.id == "EXAMPLES" for target in node.targets):
            value = ast.literal_eval(node.value)
            if not isinstance(value, str):
                raise ExampleError("%s: EXAMPLES is not a string" % path)
            return value
    return None


def action_groups(root):
    """Module name -> its platform, from meta/runtime.yml action_groups."""
    with open(os.path.join(root, "meta", "runtime.yml"), encoding="utf-8") as handle:
        runtime = yaml.safe_load(handle)
    groups = {}
    for platform in PLATFORMS:
        for name in runtime.get("action_groups", {}).get(platform, []):
            if isinstance(name, str):
                groups[name] = platform
    return groups


def task_action(module, task):
    """The action key of an example task."""
    if "block" in task:
        raise ExampleError("%s: example %r: a block; write its tasks as tasks" % (module, task.get("name")))
    actions = [key for key in task if key not in TASK_KEYWORDS]
    if len(actions) != 1:
        raise ExampleError("%s: example %r: expected one module, found %s" % (module, task.get("name"), actions or "none"))
    return actions[0]


def point_at_emulator(args, work_dir):
    """Rewrite the arguments of one of the collection's modules (in place)."""
    api = args.get("api")
    if isinstance(api, dict):
        api["url"] = "{{ emulator_url }}"
    elif api is not None:
        # `api: "{{ some_dict }}"`: keep what it holds, with the emulator's url
        args["api"] = "{{ (%s) | combine({'url': emulator_url}) }}" % _expression(api)
    for key, value in list(args.items()):
        if (key.endswith("_path") or key.endswith("_file")) and isinstance(value, str):
            args[key] = os.path.join(work_dir, "files", os.path.basename(value))


def _expression(template):
    match = re.match(r"^\s*\{\{(.*)\}\}\s*$", template, re.S)
    if not match:
        raise ExampleError("api must be a mapping or one Jinja expression, not %r" % template)
    return match.group(1).strip()


def check_plan(module, plan, tasks):
    """plan.yml's entry of one module names only known keys and examples."""
    unknown = set(plan) - set(PLAN_KEYS)
    if unknown:
        raise ExampleError("plan.yml: %s: unknown keys %s" % (module, sorted(unknown)))
    names = [task.get("name") for task in tasks]
    for listed in list(plan.get("check_mode") or []) + list(plan.get("checks") or {}):
        if listed not in names:
            raise ExampleError("plan.yml: %s: %r is not the name of one of its examples" % (module, listed))


def reset_task(module, plan):
    """One task: a reset of the whole emulator (objects, switches, faults, log, clock), the
    switches, the seed. Cheaper than the setup_* roles (a task each): it runs once per module."""
    requests = [{"path": "reset", "method": "POST", "body": {}}]
    if plan.get("switches"):
        requests.append({"path": "switches", "method": "PUT", "body": plan["switches"]})
    if plan.get("seed"):
        requests.append({"path": "seed", "method": "POST", "body": plan["seed"]})
    return {
        "name": "Reset the emulator and seed what the examples of %s name" % module,
        "emulator_admin": {"url": "{{ emulator_url }}/_emulator/{{ item.path }}", "method": "{{ item.method }}",
                           "body": "{{ item.body }}", "status_code": [200, 201]},
        "loop": requests,
        "loop_control": {"label": "{{ item.method }} /_emulator/{{ item.path }}"},
    }


def example_tasks(module, index, tasks, plan, work_dir):
    """Example number index of tasks as the play runs it, and the check plan.yml gives it, if any."""
    original = tasks[index - 1]
    if not isinstance(original, dict) or not original.get("name"):
        raise ExampleError("%s: example %d is not a task with a name" % (module, index))
    task = copy.deepcopy(original)
    action = task_action(module, task)
    if action.startswith(NAMESPACE + "."):
        if not isinstance(task[action], dict):
            raise ExampleError("%s: example %r: the arguments are not a mapping" % (module, task["name"]))
        point_at_emulator(task[action], work_dir)
    task["name"] = "%s example %d/%d: %s" % (module, index, len(tasks), original["name"])
    if original["name"] in (plan.get("check_mode") or []):
        task["check_mode"] = True
    checks = (plan.get("checks") or {}).get(original["name"])
    if not checks:
        return [task]
    task.setdefault("register", "module_examples_result")
    return [task, {
        "name": "Check what %s example %d did" % (module, index),
        "ansible.builtin.assert": {"that": checks, "quiet": True},
        "vars": {"result": "{{ %s }}" % task["register"]},
    }]


def module_defaults():
    """`api` of each platform's group (the emulator's url and credentials), and short polls."""
    api = dict((platform_name, dict(dict((key, "{{ %s }}" % var) for key, var in keys.items()), url="{{ emulator_url }}"))
               for platform_name, keys in CREDENTIALS.items())
    defaults = dict(("group/%s.%s" % (NAMESPACE, name), {"api": api[name]}) for name in sorted(api))
    # pushes: poll the emulator's short jobs often (an example that sets these keeps its own)
    defaults[NAMESPACE + ".cmc_push_job"] = {"poll_interval": 0.5, "max_poll_interval": 1}
    return defaults


def build_play(module, tasks, plan, work_dir):
    """One play: the emulator's reset, the seed, then every example task of the module."""
    plan = plan or {}
    check_plan(module, plan, tasks)
    play_tasks = [reset_task(module, plan)]
    for index in range(1, len(tasks) + 1):
        play_tasks += example_tasks(module, index, tasks, plan, work_dir)
    return {
        "name": "The EXAMPLES of %s.%s" % (NAMESPACE, module),
        "hosts": "localhost",
        "connection": "local",
        "gather_facts": bool(FACTS.search(yaml.safe_dump(tasks))),
        "gather_subset": ["min"],
        "vars_files": [os.path.abspath("example_vars.yml")],
        "vars": {"ansible_python_interpreter": "{{ ansible_playbook_python }}"},
        "module_defaults": module_defaults(),
        "tasks": play_tasks,
    }


def build_playbook(root, plan, work_dir):
    """The playbook and the list of (module, number of examples)."""
    groups = action_groups(root)
    modules_dir = os.path.join(root, "plugins", "modules")
    modules = sorted(name[:-3] for name in os.listdir(modules_dir) if name.endswith(".py") and name != "__init__.py")
    if not modules:
        raise ExampleError("no module in %s" % modules_dir)
    missing = [module for module in modules if module not in plan]
    if missing:
        raise ExampleError("plan.yml has no entry for %s (an empty one, {}, is enough)" % ", ".join(missing))
    stale = sorted(set(plan) - set(modules))
    if stale:
        raise ExampleError("plan.yml names modules that do not exist: %s" % ", ".join(stale))
    plays, counts = [], []
    for module in modules:
        text = module_examples(os.path.join(modules_dir, module + ".py"))
        if not text or not text.strip():
            raise ExampleError("%s has no EXAMPLES" % module)
        try:
            tasks = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise ExampleError("%s: EXAMPLES is not valid YAML: %s" % (module, exc))
        if not isinstance(tasks, list) or not tasks:
            raise ExampleError("%s: EXAMPLES is not a list of tasks" % module)
        if module not in groups:
            raise ExampleError("%s is in no action group of meta/runtime.yml" % module)
        plays.append(build_play(module, tasks, plan[module], work_dir))
        counts.append((module, len(tasks)))
    return plays, counts


def results(output):
    """(module, index) -> the statuses printed under that example task's header."""
    seen, current = {}, None
    for line in output.splitlines():
        if line.startswith("TASK [") or line.startswith("PLAY ") or line.startswith("RUNNING HANDLER"):
            match = TASK_LINE.match(line)
            current = (match.group("module"), int(match.group("index"))) if match else None
            if current:
                seen.setdefault(current, [])
            continue
        status = STATUS_LINE.match(line)
        if status and current:
            seen[current].append(status.group("status"))
    return seen


def write_playbook(work_dir):
    """Read plan.yml, write WORK_DIR/examples.yml; return (its path, plan, [(module, examples)])."""
    with open("plan.yml", encoding="utf-8") as handle:
        plan = yaml.safe_load(handle) or {}
    if not isinstance(plan, dict):
        raise ExampleError("plan.yml is not a mapping of module -> plan")
    plays, counts = build_playbook(collection_root(os.getcwd()), plan, work_dir)
    playbook = os.path.join(work_dir, "examples.yml")
    with open(playbook, "w", encoding="utf-8") as handle:
        yaml.safe_dump(plays, handle, sort_keys=False, width=200)
    return playbook, plan, counts


def run_playbook(playbook, work_dir, playbook_args):
    """ansible-playbook on the examples, the modules' env fallbacks pointing at the emulator."""
    config = os.path.abspath(os.path.join("..", "..", "integration_config.yml"))
    with open(config, encoding="utf-8") as handle:
        settings = yaml.safe_load(handle)
    # ANSIBLE_INJECT_INVOCATION: ansible-core >= 2.21 shows a module's arguments (no_log ones
    # masked) at -vvvv only with it, as older cores always do; the secret scan wants them
    env = dict(os.environ, ANSIBLE_NOCOLOR="1", ANSIBLE_STDOUT_CALLBACK="ansible.builtin.default",
               ANSIBLE_DISPLAY_OK_HOSTS="true", ANSIBLE_DISPLAY_SKIPPED_HOSTS="true", ANSIBLE_INJECT_INVOCATION="true")
    for name, key in ENVIRONMENT.items():
        env[name] = str(settings[key])
    command = ["ansible-playbook", playbook, "-i", "localhost,", "-e", "@" + config,
               "-e", "module_examples_files=" + os.path.join(work_dir, "files")] + playbook_args
    return subprocess.run(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True, check=False)


def problems(returncode, counts, seen):
    """What went wrong: the playbook's failure, an example that did not run or was not ok."""
    found = []
    if returncode != 0:
        found.append("ansible-playbook failed (exit %d)" % returncode)
    for module, total in counts:
        for index in range(1, total + 1):
            statuses = seen.get((module, index))
            if not statuses:
                found.append("%s example %d/%d did not run" % (module, index, total))
            elif any(status not in ("ok", "changed") for status in statuses):
                found.append("%s example %d/%d: %s" % (module, index, total, ", ".join(statuses)))
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("work_dir")
    parser.add_argument("playbook_args", nargs=argparse.REMAINDER)
    options = parser.parse_args()
    work_dir = os.path.abspath(options.work_dir)
    os.makedirs(os.path.join(work_dir, "files"), exist_ok=True)

    try:
        playbook, plan, counts = write_playbook(work_dir)
    except (ExampleError, yaml.YAMLError) as exc:
        print("ERROR: module_examples: %s" % exc)
        return 1
    run = run_playbook(playbook, work_dir, options.playbook_args)
    # all of it, also on success: the integration stage scans it for secrets (tests/integration/README.md)
    print(run.stdout)
    seen = results(run.stdout)

    found = problems(run.returncode, counts, seen)
    if found:
        for problem in found:
            print("ERROR: module_examples: %s" % problem)
        return 1
    for module, total in counts:
        print("module_examples: %s: %s" % (module, ", ".join(
            "%d %s" % (index, "/".join(seen[(module, index)])) for index in range(1, total + 1))))
    check_mode = sum(len((plan[module] or {}).get("check_mode") or []) for module in plan)
    print("module_examples: %d example tasks of %d modules ran against the emulator (%d in check mode by plan.yml)"
          % (sum(count[1] for count in counts), len(counts), check_mode))
    return 0


if __name__ == "__main__":
    sys.exit(main())
