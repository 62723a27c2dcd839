/**
 * The catalogue of diagnostic codes: one entry per code, stable across releases.
 * `docs/diagnostics.md` is generated from this table (scripts/gen-docs.mjs) and `kft explain CODE`
 * prints an entry. Never rename a code; retire it instead.
 */
export interface CatalogueEntry {
  readonly severity: 'error' | 'warning';
  readonly summary: string;
  /** Why it is a problem, citing the Tekton/KFP behaviour where relevant. */
  readonly explanation: string;
  /** What to do about it. */
  readonly fix: string;
}

export const catalogue = {
  'yaml-syntax': {
    severity: 'error',
    summary: 'The file is not valid YAML (or JSON).',
    explanation: 'kft cannot read a document it cannot parse; the YAML parser reports where it stopped.',
    fix: 'Correct the syntax at the position shown (indentation, quotes, a missing colon).',
  },
  'yaml-duplicate-key': {
    severity: 'error',
    summary: 'A mapping has the same key twice.',
    explanation: 'YAML mappings need unique keys; most tools silently keep the last value, which hides mistakes such as two tasks with one name.',
    fix: 'Rename or remove one of the two entries.',
  },
  'yaml-bad-alias': {
    severity: 'error',
    summary: 'An alias names no anchor before it, or the node that contains it.',
    explanation: 'A YAML alias (*name) stands for the node anchored earlier with &name. Without such an anchor (often a typo) other tools read null, which would silently drop a value such as a default; an alias inside the node it names would make that node contain itself.',
    fix: 'Define the anchor before the alias, or correct the alias\'s name.',
  },
  'yaml-unsupported': {
    severity: 'error',
    summary: 'The YAML uses a feature whose value is not plain JSON data (a null or collection key, !!omap, !!set, !!binary, a timestamp, an unknown tag).',
    explanation: 'kft reads a spec as JSON data: mappings with string keys, lists, strings, numbers, booleans and null. YAML can say more, but YAML readers disagree on what the rest becomes (a null key is "" in one tool and "null" in another; !!omap is a list of pairs in PyYAML and a Map in JavaScript), so kft refuses it rather than guess.',
    fix: 'Write plain data: quote keys such as null or ~ if the word is meant, use an ordinary mapping for !!omap and !!set, quote timestamps, and remove custom tags.',
  },
  'yaml-control-character': {
    severity: 'error',
    summary: 'The file holds a control character (such as NUL) that YAML does not allow.',
    explanation: 'YAML allows tab, line feed and carriage return, but no other C0 or C1 control character, DEL, U+FFFE or U+FFFF in its text. Such a character is often invisible, and tools differ in what they do with it.',
    fix: 'Remove the character; if a string must contain it, write it as an escape in a double-quoted string ("\\0", "\\x7f").',
  },
  'yaml-nonportable': {
    severity: 'warning',
    summary: 'A component file uses YAML that kfp\'s reader (PyYAML) accepts but YAML 1.2 readers refuse.',
    explanation: 'kft reads component files as leniently as kfp where the meaning is unambiguous, so existing files keep working; other YAML tools (editors, linters, yq, the yaml library) will refuse the file. Today this covers lines of a flow collection ([...] or {...}) indented no deeper than the key that holds it.',
    fix: 'Indent every line inside the brackets deeper than the key, or write the collection in block style.',
  },
  'yaml-1-1-scalar': {
    severity: 'warning',
    summary: 'A plain value in a component file means one thing to kfp\'s reader (YAML 1.1) and another to kft (YAML 1.2).',
    explanation: 'kfp reads component files with PyYAML, which follows YAML 1.1: yes/no/on/off are booleans, 010 is octal 8, 1_000, 0b1 and 1:20 are integers, 2001-12-14 is a date, and 1e-05 (without a dot) is text. kft reads YAML 1.2, as the yaml library and most editors do. kft keeps its reading and says so, rather than silently choosing one.',
    fix: 'Quote the value if it is text (\'yes\', \'010\'), or spell it so that both read the same (true, 8, 1.0e-05).',
  },
  'file-encoding': {
    severity: 'error',
    summary: 'The file is not UTF-8 (or UTF-16 with a byte-order mark) text.',
    explanation: 'kft reads files as UTF-8, or as UTF-16 when a byte-order mark says so. A byte that is not valid in that encoding (for example a Latin-1 é) is refused with its position rather than replaced by U+FFFD, which would silently change a value.',
    fix: 'Save the file as UTF-8 (most editors: "Save with encoding"), e.g. `iconv -f latin1 -t utf-8`.',
  },
  'input-limit': {
    severity: 'error',
    summary: 'The input exceeds a safety limit (size, alias expansion, nesting depth or task count).',
    explanation: 'Limits keep kft fast and safe on hostile input, such as a "billion laughs" alias bomb.',
    fix: 'Split the spec, or remove the excessive aliases or nesting.',
  },
  'graph-expansion-limit': {
    severity: 'error',
    summary: 'Graph calls nest too deep, or expand to too many task instances.',
    explanation: 'Every call of a graph is lowered as a copy of the graph\'s tasks in a nested PipelineLoop (as kfp-tekton inlines graph components), except recursive calls, which re-run the enclosing instance. A long chain of graphs nests that many pipelines, and graphs that call other graphs several times multiply their size at every level (a "billion laughs" of graphs). kft measures the expansion before lowering: at most 64 nested graph levels and 200,000 task instances.',
    fix: 'Flatten the chain of graphs, call large graphs fewer times, or repeat a step with a loop or a recursive graph (which is not copied).',
  },
  'stale-output': {
    severity: 'error',
    summary: 'A generated manifest file is missing, out of date, or no longer generated (kft build --check).',
    explanation: 'In a GitOps repository the committed manifests are what gets deployed; a spec change whose manifests were not rebuilt would silently not take effect.',
    fix: 'Run the same kft build command without --check (with --prune for extra files) and commit the result.',
  },
  'file-not-found': {
    severity: 'error',
    summary: 'A referenced file does not exist or cannot be read.',
    explanation: 'Component files are resolved relative to the spec file that references them.',
    fix: 'Check the path; it is relative to the directory of the spec.',
  },
  'file-unreadable': {
    severity: 'error',
    summary: 'A referenced path is not a file kft can read: a directory, a pipe or device, or a file without read permission.',
    explanation: 'Component files are read as YAML from regular files; a directory has no text, and reading a pipe or device could block or never end.',
    fix: 'Point the reference at the component\'s YAML file itself, or make it readable.',
  },
  'file-outside-root': {
    severity: 'error',
    summary: 'A referenced file lies outside the spec\'s directory tree.',
    explanation: 'A spec from an untrusted source must not read arbitrary files of the machine that builds it.',
    fix: 'Move the file under the spec\'s directory, or allow it with --allow-outside-root.',
  },
  'remote-reference': {
    severity: 'error',
    summary: 'A component is referenced by a URL that spec.componentUrls does not map to a local file.',
    explanation: 'kft never uses the network during a build, so that builds are reproducible and safe. KFP graph components name the components of their tasks by URL (componentRef.url), which KFP downloads.',
    fix: 'Download the component.yaml into the repository and map the URL to it under spec.componentUrls (a key ending in \'/\' maps a whole directory), or reference it by relative path ({file: path}).',
  },
  'component-digest-mismatch': {
    severity: 'warning',
    summary: 'A file mapped for a component URL is not the file the reference pins by digest.',
    explanation: 'A graph component\'s componentRef may carry the sha256 digest of the component file it was written against (KFP records it). The file componentUrls maps the URL to has another digest, so the task may run a different component than its author tested. KFP itself loads whatever the URL serves without checking.',
    fix: 'Map the URL to the version of the file the URL points to (e.g. the file at the commit in the URL), or update the digest if you changed the file on purpose.',
  },
  'python-syntax': {
    severity: 'error',
    summary: 'The Python module of a `python:` component cannot be read as Python.',
    explanation: 'kft reads the module (tokens, statements, the function\'s signature) to make the component kfp\'s create_component_from_func would make; a module Python itself would reject cannot give one.',
    fix: 'Correct the syntax at the position shown (run `python3 -m py_compile FILE.py` to check).',
  },
  'python-function-not-found': {
    severity: 'error',
    summary: 'The module of a `python:` component has no top-level function of the given name.',
    explanation: 'A `python:` implementation names one function defined with `def` at the top level of the module.',
    fix: 'Fix the name (the hint lists the module\'s functions), or point `file`/`source` at the module that defines it.',
  },
  'python-nested-function': {
    severity: 'error',
    summary: 'The function of a `python:` component is defined inside another function, a class or a block.',
    explanation: 'kfp copies the function\'s source into the component\'s program, where names of an enclosing function do not exist; kft reads functions defined at the top level of the module so that what runs is what was written.',
    fix: 'Move the function to the top level of the module.',
  },
  'python-unsupported-annotation': {
    severity: 'error',
    summary: 'A parameter or return annotation is one kft cannot read.',
    explanation: 'kfp turns annotations into input and output types (int → Integer, a string as written, typing constructs by their text) and data passing (InputPath, OutputPath, InputTextFile, …). kft reads those from the source; a name that is not imported, or an expression it cannot evaluate, would give a different component than kfp\'s, so it is refused.',
    fix: 'Annotate with a Python type, a typing construct, a type name string, or one of kfp.components\' InputPath/OutputPath/InputTextFile/OutputTextFile/InputBinaryFile/OutputBinaryFile, imported in the module.',
  },
  'python-unsupported-parameter': {
    severity: 'error',
    summary: 'A parameter cannot be a component input (*args, **kwargs, positional-only).',
    explanation: 'The component\'s program calls the function with every input as a keyword argument (`func(**args)`); variadic and positional-only parameters cannot receive them.',
    fix: 'Declare each input as a named parameter.',
  },
  'python-unsupported-default': {
    severity: 'error',
    summary: 'A default value is not a literal kft can evaluate.',
    explanation: 'kfp serializes defaults it gets by importing the module; kft reads them from the source and evaluates literals (numbers, strings, True/False/None, lists, tuples, dicts), arithmetic on them and module-level constants. Anything else would need Python.',
    fix: 'Write the default as a literal, or compute the value inside the function.',
  },
  'python-path-default': {
    severity: 'error',
    summary: 'A file input or output parameter has a default value.',
    explanation: 'kfp refuses it: "Path inputs only support default values of None. Default values for outputs are not supported."',
    fix: 'Remove the default (an InputPath may default to None, which makes the input optional).',
  },
  'python-unsupported-syntax': {
    severity: 'error',
    summary: 'The function uses a form kft cannot turn into kfp\'s component (a lambda or comprehension in the signature, async def, `from __future__ import annotations`).',
    explanation: 'kft reproduces kfp 1.8\'s create_component_from_func without Python; where the signature needs evaluation kft cannot do, or kfp itself would produce a broken component, it stops instead of guessing.',
    fix: 'Follow the hint: simplify the signature, or compute values inside the function.',
  },
  'python-default-not-serialized': {
    severity: 'warning',
    summary: 'kfp cannot serialize a default value for its input type, so the input is optional without a default.',
    explanation: 'kfp writes a default with the serializer of the input\'s type (e.g. a str default of an int input fails); when that fails it only warns and leaves the default out. kft makes the same component and says so.',
    fix: 'Make the default match the annotation, pass it as a string, or remove it.',
  },
  'python-decorator-arguments': {
    severity: 'warning',
    summary: 'A decorator of the function passes options (base_image, packages_to_install…) that kft does not read.',
    explanation: 'kft makes the component from the `python:` implementation\'s fields; options given to a decorator in the module are not applied.',
    fix: 'Set baseImage and packages in the python: implementation (or with kft component python --base-image/--packages).',
  },
  'python-component-interface': {
    severity: 'error',
    summary: 'A component with a `python:` implementation also declares its name, description, inputs or outputs.',
    explanation: 'The function\'s name, docstring and signature give them, as in kfp; two sources of truth could disagree.',
    fix: 'Remove the field; rename the function, edit its docstring or signature instead.',
  },
  'schema-violation': {
    severity: 'error',
    summary: 'A value does not have the type or form the schema requires.',
    explanation: 'The spec is checked against the JSON Schema in schemas/ before anything else.',
    fix: 'Change the value to the form given in the message (see docs/spec.md).',
  },
  'missing-field': {
    severity: 'error',
    summary: 'A required field is missing.',
    explanation: 'The schema requires this field for the object it is in.',
    fix: 'Add the field named in the message.',
  },
  'empty-tasks': {
    severity: 'error',
    summary: 'A tasks (or onExit) field is present but empty.',
    explanation: 'A group, graph or pipeline runs the tasks listed under its tasks field (an exit handler also those under onExit); `tasks:` with nothing after it is YAML null, so nothing would run. Tekton rejects a pipeline without tasks.',
    fix: 'List the tasks and groups by name under the field (e.g. tasks: {print: {component: echo}}), or remove the group.',
  },
  'unknown-field': {
    severity: 'error',
    summary: 'A field is not part of the spec language at this place.',
    explanation: 'Unknown fields are rejected rather than ignored, so a typo cannot silently drop a setting.',
    fix: 'Use the suggested field name, or remove the field.',
  },
  'invalid-node': {
    severity: 'error',
    summary: 'A task entry is neither a task nor a known kind of group.',
    explanation: 'Each entry under tasks/finally needs exactly one of: component, graph, if, loop, onExit, group, break.',
    fix: 'Add `component:` for a task, or the key of the group kind you meant.',
  },
  'unknown-component': {
    severity: 'error',
    summary: 'A task uses a component that is not declared.',
    explanation: 'Tasks name a component from spec.components.',
    fix: 'Declare the component under spec.components, or use one of the names suggested.',
  },
  'graph-component-field': {
    severity: 'error',
    summary: 'A task that runs a KFP graph component sets a field that applies to one task.',
    explanation: 'KFP inlines a graph component: the task that runs it becomes the graph\'s tasks, each a task of the pipeline, and the task itself runs nothing (kfp 1.8 gives it no ContainerOp to set an image, retries or pod settings on). A field such as image, retries, env or displayName would have no task to apply to.',
    fix: 'Remove the field (component, arguments and after are what such a task takes), or write the graph\'s tasks in the spec and set it on them.',
  },
  'unknown-graph': {
    severity: 'error',
    summary: 'A graph call names a graph that is not declared.',
    explanation: 'Graph calls name a graph from spec.graphs.',
    fix: 'Declare the graph under spec.graphs, or fix the name.',
  },
  'unguarded-recursion': {
    severity: 'error',
    summary: 'A graph calls itself (directly or through other graphs) with no condition on the way.',
    explanation: 'Each recursive call starts a new PipelineLoop run; unless a call of the cycle is under an if, nothing ends the recursion.',
    fix: 'Put the recursive call under an if whose comparison eventually becomes false.',
  },
  'unknown-task': {
    severity: 'error',
    summary: 'A reference or dependency names a task that does not exist.',
    explanation: 'Tekton rejects a pipeline whose runAfter or result references name a missing task.',
    fix: 'Use the name of an existing task (the key under tasks).',
  },
  'unknown-param': {
    severity: 'error',
    summary: 'A reference names a parameter that is not declared.',
    explanation: '{{params.NAME}} must name a key of spec.params (or of the enclosing graph\'s params).',
    fix: 'Declare the parameter or fix its name.',
  },
  'unknown-output': {
    severity: 'error',
    summary: 'A reference names an output the task\'s component does not declare.',
    explanation: 'Only declared outputs become Tekton results that other tasks can read.',
    fix: 'Use one of the component\'s outputs, or declare the output in the component.',
  },
  'unknown-input': {
    severity: 'error',
    summary: 'A task passes an argument the component has no input for (or a graph call one the graph has no param for).',
    explanation: 'KFP rejects arguments for undeclared inputs; kft does too, so typos are caught.',
    fix: 'Use one of the component\'s input names.',
  },
  'invalid-reference': {
    severity: 'error',
    summary: 'A {{...}} reference is malformed or used where it has no meaning.',
    explanation: 'References are {{params.P}}, {{tasks.T.outputs.O}}, {{item}}, {{item.F}}, {{index}}, {{loops.L.item}} and {{loops.L.index}}; loop references only inside a loop.',
    fix: 'Write the reference in one of these forms.',
  },
  'misplaced-reference': {
    severity: 'error',
    summary: 'A {{...}} reference is written in a field where nothing substitutes it.',
    explanation: 'kft turns a reference into a Tekton param, and Tekton substitutes params only in some fields: a pipeline task\'s params and when expressions, and in its embedded task spec the image, command, args, script, working directory, env values, secret and config map key references and volume mount paths of steps and sidecars, some volume source names and workspace mount paths. Other fields reach the cluster as written: pod templates (nodeSelector, affinity, tolerations, service account), pod labels and annotations, security contexts, display names, run settings, parameter defaults, names. Resource quantities are parsed when the run is admitted, so Tekton rejects a run whose computeResources hold $(tasks.T.results.R) (as kfp-tekton writes for KFP\'s runtime resource request sample). docs/spec.md ("Where references work") lists every field that takes references.',
    fix: 'Use a constant there. Pass values known only at run time to the container as arguments or env; to choose pod settings at run time, put alternative tasks under if: conditions.',
  },
  'unknown-loop-item-field': {
    severity: 'error',
    summary: 'A loop item field is read that the loop\'s static items do not have.',
    explanation: 'For a loop over a static list, {{item.FIELD}} must name a field every item has; the PipelineLoop controller passes a dict item\'s fields as params, and a missing one leaves the reference unresolved at run time.',
    fix: 'Use a field the items have, or add the field to every item.',
  },
  'loop-source-type': {
    severity: 'warning',
    summary: 'A loop iterates over a param or output declared as a single number or boolean.',
    explanation: 'The PipelineLoop controller iterates over a JSON list, or over text it splits at a separator; a value declared Integer, Float or Boolean is neither, and the loop would fail when it starts. KFP\'s types are declarations only, so this is a warning.',
    fix: 'Loop over a JsonArray (List) param or output, a static items: list, or split: text at a separator; or correct the declared type.',
  },
  'loop-output-out-of-scope': {
    severity: 'error',
    summary: 'An output of a task inside a loop is read outside that loop.',
    explanation: 'A loop body runs as a separate pipeline (a PipelineLoop) once per item; its tasks\' results exist only inside each iteration, so tasks outside the loop cannot read them (KFP forbids it too).',
    fix: 'Move the reading task into the loop, or read the loop\'s last-idx / last-elem outputs instead.',
  },
  'unwritten-output': {
    severity: 'error',
    summary: 'An output that must travel as a file is never written by the task\'s command line.',
    explanation: 'An output read as a file by another task (inputPath), or listed in artifactOutputs, is written by the producer into the data-passing workspace at the path its {outputPath: NAME} placeholder (or fileOutputs entry) stands for. A component whose command line has neither for the output never writes it, so there is no file to pass.',
    fix: 'Write the output through {outputPath: NAME} in the command or args (or name it under fileOutputs), or read another output.',
  },
  'metadata-output-reference': {
    severity: 'error',
    summary: 'A task reads another task\'s UI-metadata or metrics output (mlpipeline_ui_metadata, mlpipeline_metrics).',
    explanation: 'KFP v1 moves these outputs out of a task\'s outputs into its output artifacts (the ContainerOp keeps them for the KFP UI), so the DSL cannot pass them on, and kfp-tekton writes them only to /tmp/outputs for the backend: they are neither Tekton results nor workspace files another task could read.',
    fix: 'Give the component a regular output for data other tasks need, and keep the UI metadata or metrics output for the UI.',
  },
  'custom-group-output-out-of-scope': {
    severity: 'error',
    summary: 'An output of a task inside a custom group is read outside that group.',
    explanation: 'A custom group (kfp-tekton\'s AddOnGroup) runs as ONE custom task whose controller runs the inner pipelineSpec; the results of its inner tasks are not results of the pipeline around it, so $(tasks.<inner>.results.<output>) outside the group names a task that does not exist there. kfp-tekton\'s AddOnGroup declares no outputs either. The group\'s own params are evaluated before it runs.',
    fix: 'Move the reading task into the group, or compute the value outside the group. Running after an inner task (after: [inner]) is fine: it waits for the whole group.',
  },
  'break-outside-loop': {
    severity: 'error',
    summary: 'A break is not inside a loop.',
    explanation: 'A break task stops the PipelineLoop that runs it; outside a loop body there is nothing to stop, and Tekton would wait on a custom task no controller completes.',
    fix: 'Move the break into a loop body, usually under an `if`.',
  },
  'invalid-loop-range': {
    severity: 'error',
    summary: 'A loop range with constant bounds that the PipelineLoop controller does not run as written.',
    explanation: 'A range loop runs the integers from start to end inclusive, counted by the PipelineLoop controller. With step 0 the controller fails the loop when it starts; with an end before the start for a positive step (or after it for a negative one), which means no integers, the controller runs one iteration with the start instead.',
    fix: 'Give a step that leads from start to end (step: -1 to count down), or remove the loop if it should not run.',
  },
  'missing-argument': {
    severity: 'error',
    summary: 'A required input of the component (or param of the called graph) has no argument.',
    explanation: 'An input without default that is not optional must be given a value.',
    fix: 'Pass the input under arguments, or give it a default in the component.',
  },
  'unchecked-param-type': {
    severity: 'warning',
    summary: 'A parameter type is no type kft checks, but close to one.',
    explanation: 'KFP records a pipeline parameter\'s type as written and treats names it does not know (Python annotations such as typing.List[int], class names) as opaque; kft does the same, so the parameter\'s default and the inputs it is passed to are not type-checked. A name one typo away from String, Integer, Float, Boolean, JsonObject or JsonArray is most likely that type misspelled.',
    fix: 'Correct the type name; or keep it, if the opaque type is meant.',
  },
  'type-mismatch': {
    severity: 'error',
    summary: 'A value does not fit the declared KFP type.',
    explanation: 'KFP types (Integer, Float, Boolean, JsonObject, JsonArray) are checked at compile time, as the KFP SDK does.',
    fix: 'Pass a value of the declared type, or change the declared type.',
  },
  'missing-image': {
    severity: 'error',
    summary: 'A task runs a container component whose image is empty, and sets no image of its own.',
    explanation: 'Some published KFP components leave `image: \'\'` for the user to choose one per task (their READMEs ask to set op.container.image); Kubernetes rejects a container without an image, so the task must supply it.',
    fix: 'Set the task\'s `image` (it may hold references), or give the component an image.',
  },
  'invalid-placeholder': {
    severity: 'error',
    summary: 'A component placeholder is unknown, or names an input or output the component does not declare.',
    explanation: 'KFP placeholders are inputValue, inputPath, outputPath, concat, if (cond/then/else) and isPresent; inputValue/inputPath/isPresent name inputs, outputPath and fileOutputs name outputs.',
    fix: 'Use one of the placeholders, and declare the input or output it names (or fix the name).',
  },
  'kfp-v2-placeholder': {
    severity: 'error',
    summary: 'A component uses a KFP v2 placeholder ({executorInput}, {inputUri}, {{$}}, {{$.inputs...}}, ...).',
    explanation: 'KFP v2 components get their inputs from KFP v2\'s launcher, which fills in the executor input ({{$}}) and the {{$.…}} placeholders at run time. kfp 1.8 reads such component files, but neither its v1 compilers nor kfp-tekton 1.x nor kft run that launcher: the container would get the placeholder text instead of its inputs.',
    fix: 'Use the KFP v1 version of the component (inputValue, inputPath and outputPath placeholders), or run the component on KFP v2.',
  },
  'dependency-cycle': {
    severity: 'error',
    summary: 'Tasks depend on each other in a cycle.',
    explanation: 'Tekton pipelines are DAGs; a cycle of runAfter or result references is rejected.',
    fix: 'Remove one of the dependencies in the cycle shown.',
  },
  'conflicting-fields': {
    severity: 'error',
    summary: 'Two fields that exclude each other are both set.',
    explanation: 'Some settings choose one of several forms, such as the volume of the data-passing workspace: an existing claim or a claim template, never both (Tekton binds a workspace to one volume source).',
    fix: 'Keep one of the two fields named in the message.',
  },
  'name-collision': {
    severity: 'error',
    summary: 'Two names become the same Tekton name.',
    explanation: 'Task names must be unique DNS-1123 labels; e.g. my_task and my-task both become my-task.',
    fix: 'Rename one of them.',
  },
  'invalid-condition': {
    severity: 'error',
    summary: 'A condition (if) is not a comparison kft can read.',
    explanation: 'A condition is KFP\'s comparison: LEFT OP RIGHT with OP one of ==, !=, <, <=, >, >=; each operand a {{...}} reference or a literal.',
    fix: 'Write it as "{{tasks.T.outputs.O}} == value", quoting a literal that contains spaces or operator characters, or as {left, operator, right}.',
  },
  'finally-dependency': {
    severity: 'error',
    summary: 'A finally (or onExit) task has a dependency Tekton forbids, or a DAG task depends on a finally task.',
    explanation: 'Tekton runs every finally task in parallel once all DAG tasks are done: a finally task cannot have runAfter, cannot read results of other finally tasks, and DAG tasks cannot depend on finally tasks. A finally task may read params, results of DAG tasks and {{tasks.T.status}}.',
    fix: 'Remove the after/reference, or move the task between tasks and finally.',
  },
  'exit-handler-placement': {
    severity: 'error',
    summary: 'An exit handler (onExit) is not at the top level of the pipeline.',
    explanation: 'Exit tasks become Tekton finally tasks, and Tekton has one finally section per pipeline: KFP, too, allows an exit handler only as the outermost group of a pipeline.',
    fix: 'Move the exit handler to spec.tasks of the pipeline (not inside another group or a graph), or use spec.finally.',
  },
  'invalid-after-any': {
    severity: 'error',
    summary: 'An afterAny or anySequencer (any-sequencer) names something it cannot watch, or a condition it cannot evaluate.',
    explanation: 'kfp-tekton\'s any-sequencer watches the TaskRuns of the listed tasks of the same pipeline section, and evaluates conditions of the form "{{tasks.T.outputs.O}} OP value" on one task\'s result. Its policies act on the status it writes, so they need statusPath. A standalone anySequencer node is named by its key.',
    fix: 'List tasks (not groups) of the same section, write each condition on one task output against a literal without quotes, set statusPath when you set skippingPolicy or errorPolicy, and leave name out of an anySequencer node.',
  },
  'unsupported-feature': {
    severity: 'error',
    summary: 'The spec uses a construct kft cannot lower to Tekton faithfully.',
    explanation: 'Rather than emit something wrong, kft stops with this error.',
    fix: 'See docs/spec.md for what is supported.',
  },
  'ignored-field': {
    severity: 'warning',
    summary: 'A field that would have no effect on the cluster; kft leaves it out of the output.',
    explanation: 'kfp-tekton\'s SDK writes some fields that no controller reads, such as a PipelineLoop\'s iterateParamPassStyle and itemPassStyle (kfp-tekton\'s PipelineLoop type has no such fields: the controller ignores them in an embedded spec, and its webhook rejects a PipelineLoop resource that has them). kft accepts them in migrated specs, but does not write text that only looks as if it did something; the value given is what happens anyway.',
    fix: 'Remove the field from the spec; the output is the same.',
  },
  'tekton-constraint': {
    severity: 'error',
    summary: 'The generated manifests would break a Tekton constraint.',
    explanation: 'kft re-checks its output against Tekton\'s validation rules before writing it; this is a kft bug or an input kft could not adapt.',
    fix: 'Report it with the spec; the message names the field.',
  },
  'unused-input': {
    severity: 'warning',
    summary: 'A task passes a reference to an input that its component never uses (or a graph call to a param the graph never reads).',
    explanation: 'An argument reaches the container only through a placeholder of the command line ({inputValue}, {inputPath}), a custom task param or a resource manifest. KFP leaves an argument for an unused input out of the op, and kfp-tekton with it the param and the dependency on the task whose output it names. kft does not pass the value either, but the task still runs after that task: the spec names the output, and kft graph draws the edge (docs/deviations.md).',
    fix: 'Use the input in the component, or drop the argument (and list the producer under after: if the order matters).',
  },
  'result-size': {
    severity: 'warning',
    summary: 'Task results may exceed Tekton\'s termination-message limit.',
    explanation: 'Tekton passes results through the 4 KB termination message of a task\'s pod by default.',
    fix: 'Pass large data as files (inputPath/outputPath) or give resultSizes estimates.',
  },
  'result-too-large': {
    severity: 'error',
    summary: 'An output is estimated larger than a Tekton result can ever be.',
    explanation: 'Tekton reads a step\'s results from its container\'s termination message, at most 4096 bytes by default; kft can spread outputs over several steps, but one output must fit into one message.',
    fix: 'Write the output as a file passed through a workspace or artifact storage instead of a result, or correct the estimate in resultSizes.',
  },
  'unknown-workspace': {
    severity: 'error',
    summary: 'A task mounts a workspace that spec.config.workspaces does not declare.',
    explanation: 'Tekton rejects a pipeline task bound to a workspace the pipeline does not declare, and a PipelineRun must bind every declared workspace to a volume.',
    fix: 'Declare the workspace under spec.config.workspaces with its volume, or correct the name.',
  },
  'invalid-workspace': {
    severity: 'error',
    summary: 'A pipeline workspace does not name exactly one volume source.',
    explanation: 'A PipelineRun workspace binding takes one source: persistentVolumeClaim, volumeClaimTemplate, emptyDir, configMap, secret, projected or csi.',
    fix: 'Give the workspace exactly one of these sources.',
  },
  'pod-setting-conflict': {
    severity: 'error',
    summary: 'A pod setting is written twice at one level, or two volumes of one pod share a name.',
    explanation: 'config.podTemplate and the config fields securityContext, automountServiceAccountToken, env, imagePullSecrets and nodeSelector both write the run\'s pod template, and a task\'s podTemplate and its nodeSelector, affinity and tolerations both write the task\'s: kft does not pick one of two values silently. A task\'s volumes and the volumes of its pod template (or the run\'s) all end up in the same pod, and Kubernetes refuses a pod with two volumes of one name.',
    fix: 'Keep one of the two spellings of the setting; rename one of two volumes of the same name.',
  },
  'unknown-volume': {
    severity: 'error',
    summary: 'A volume mount names a volume the task does not declare.',
    explanation: 'Kubernetes refuses to create a pod whose container mounts a volume missing from the pod\'s volumes.',
    fix: 'Add the volume to the task\'s volumes, or correct the mount\'s name.',
  },
  'custom-task-spec-conflict': {
    severity: 'error',
    summary: 'A custom task sets both taskRef and taskSpec.',
    explanation: 'A Tekton pipeline task either references a custom resource (taskRef) or embeds its spec (taskSpec), never both; kfp-tekton rejects the combination too.',
    fix: 'Keep taskRef (kft emits the resource beside the run) or taskSpec (the spec is inlined), not both.',
  },
  'custom-task-unsupported-field': {
    severity: 'error',
    summary: 'A task that runs a custom task sets a field custom tasks do not have.',
    explanation: 'A custom task runs as a Run/CustomRun handled by its controller, not as a pod: pod fields (resources, env, volumes, node selection, service account, ...) have nothing to apply to, and kfp-tekton\'s guide states that custom tasks support neither timeout nor retries. Tekton would reject or silently ignore them.',
    fix: 'Remove the field, or configure the equivalent in the custom resource\'s spec (a run-wide limit: spec.config.timeout).',
  },
  'resource-op-unsupported-field': {
    severity: 'error',
    summary: 'A task that runs a resource, volume or volume snapshot operation sets a field of a container it does not have.',
    explanation: 'A resource operation runs kfp-tekton\'s kubectl wrapper, a step whose image, command and environment kft writes for the operation (as KFP runs a ResourceOp without a container of the component\'s). A task\'s image, env, resources, imagePullPolicy, securityContext, volumes, volume mounts, sidecars, init containers and workspaces would have nothing to apply to.',
    fix: 'Remove the field. Pod settings (nodeSelector, tolerations, affinity, serviceAccount, podTemplate), labels, annotations, retries, timeout and caching apply as for any task.',
  },
  'custom-task-resource-conflict': {
    severity: 'error',
    summary: 'Two custom task components emit different resources under one name.',
    explanation: 'With taskRef, kft emits the custom resource {apiVersion, kind, name} beside the run; two different specs under one name would overwrite each other on the cluster.',
    fix: 'Give the resources different names, or make their taskRef specs identical.',
  },
  'invalid-pvolume': {
    severity: 'error',
    summary: 'A pvolumes entry does not name a volume task that a container task can mount.',
    explanation: 'pvolumes mounts the PVC a volume task (a component with a `volume` implementation) creates; the claim name is read from that task\'s `name` result, so it must be a volume task of the same scope, and only container tasks have a pod to mount it in.',
    fix: 'Name a task of the same scope whose component has a `volume` implementation, or use `volumes`/`volumeMounts` for existing claims.',
  },
  'unsupported-argo-variable': {
    severity: 'error',
    summary: 'A component uses an Argo variable that has no exact Tekton or Kubernetes equivalent.',
    explanation: 'kft maps the Argo variables that have an exact equivalent: {{inputs.parameters.X}}, {{outputs.parameters.X.path}}, {{workflow.name|namespace|uid}} and {{workflow.parameters.X}} as kfp-tekton does, {{retries}} to $(context.task.retry-count), and {{pod.name}} to the pod\'s name through the downward API. Others (steps.*, workflow.creationTimestamp, workflow.serviceAccountName, ...) are unique to Argo\'s runtime and would reach the container as literal text.',
    fix: 'Use a Tekton variable instead, e.g. $(context.taskRun.name) for the task\'s run, $(context.pipelineRun.name) for the run.',
  },
  'unknown-argo-parameter': {
    severity: 'error',
    summary: 'An Argo {{inputs.parameters.X}} names a param the task does not have.',
    explanation: 'kfp-tekton maps {{inputs.parameters.X}} to $(inputs.params.X), a param of the task. A task\'s params are named after the values bound to it (P for {{params.P}}, T-O for {{tasks.T.outputs.O}}), as an Argo template\'s input parameters are; an X the task does not declare would reach Tekton as a reference to an undeclared param.',
    fix: 'Use the name of a param the task has (the message lists them), or read the component input with {inputValue: NAME}.',
  },
  'nested-finally-group': {
    severity: 'error',
    summary: 'A custom group in finally is nested inside another group.',
    explanation: 'A custom group that runs as a Tekton finally task must be a task of the pipeline itself; kfp-tekton only allows a finally AddOnGroup under the pipeline\'s root group, since finally tasks cannot live inside a loop, condition or other group.',
    fix: 'Move the custom group to the top level of spec.finally (or of an exit handler\'s onExit).',
  },
  'internal-error': {
    severity: 'error',
    summary: 'kft failed unexpectedly.',
    explanation: 'A bug in kft; nothing was written.',
    fix: 'Report it with the spec that triggers it.',
  },
} as const satisfies Record<string, CatalogueEntry>;

export type DiagnosticCode = keyof typeof catalogue;

export const isDiagnosticCode = (code: string): code is DiagnosticCode =>
  Object.prototype.hasOwnProperty.call(catalogue, code);

/** A code's entry as `kft explain CODE` prints it (and the playground shows it). */
export function explainText(code: DiagnosticCode): string {
  const entry: CatalogueEntry = catalogue[code];
  return `${code} (${entry.severity})\n\n${entry.summary}\n\nWhy: ${entry.explanation}\n\nFix: ${entry.fix}\n`;
}
