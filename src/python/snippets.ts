/**
 * The Python text kfp 1.8 writes around a function in a component's program: the serializers of
 * returned values, the deserializers of value inputs, the helpers that create output files'
 * directories, and the argparse wrapper's fixed lines. These are the generated program's text (it
 * must be byte-identical to kfp's for the component to be), keyed by kfp's type names.
 */

export const SERIALIZE_STR = `def _serialize_str(str_value: str) -> str:
    if not isinstance(str_value, str):
        raise TypeError('Value "{}" has type "{}" instead of str.'.format(
            str(str_value), str(type(str_value))))
    return str_value
`;

export const SERIALIZE_INT = `def _serialize_int(int_value: int) -> str:
    if isinstance(int_value, str):
        return int_value
    if not isinstance(int_value, int):
        raise TypeError('Value "{}" has type "{}" instead of int.'.format(
            str(int_value), str(type(int_value))))
    return str(int_value)
`;

export const SERIALIZE_FLOAT = `def _serialize_float(float_value: float) -> str:
    if isinstance(float_value, str):
        return float_value
    if not isinstance(float_value, (float, int)):
        raise TypeError('Value "{}" has type "{}" instead of float.'.format(
            str(float_value), str(type(float_value))))
    return str(float_value)
`;

export const SERIALIZE_BOOL = `def _serialize_bool(bool_value: bool) -> str:
    if isinstance(bool_value, str):
        return bool_value
    if not isinstance(bool_value, bool):
        raise TypeError('Value "{}" has type "{}" instead of bool.'.format(
            str(bool_value), str(type(bool_value))))
    return str(bool_value)
`;

export const SERIALIZE_JSON = `def _serialize_json(obj) -> str:
    if isinstance(obj, str):
        return obj
    import json

    def default_serializer(obj):
        if hasattr(obj, 'to_struct'):
            return obj.to_struct()
        else:
            raise TypeError(
                "Object of type '%s' is not JSON serializable and does not have .to_struct() method."
                % obj.__class__.__name__)

    return json.dumps(obj, default=default_serializer, sort_keys=True)
`;

export const SERIALIZE_BASE64_PICKLE = `def _serialize_base64_pickle(obj) -> str:
    if isinstance(obj, str):
        return obj
    import base64
    import pickle
    return base64.b64encode(pickle.dumps(obj)).decode('ascii')
`;

export const DESERIALIZE_BOOL = `def _deserialize_bool(s) -> bool:
    from distutils.util import strtobool
    return strtobool(s) == 1
`;

export const DESERIALIZE_BASE64_PICKLE = `def _deserialize_base64_pickle(s):
    import base64
    import pickle
    return pickle.loads(base64.b64decode(s))
`;

export const MAKE_PARENT_DIRS = `def _make_parent_dirs_and_return_path(file_path: str):
    import os
    os.makedirs(os.path.dirname(file_path), exist_ok=True)
    return file_path
`;

export const OPEN_FILE_MAKER = `def _parent_dirs_maker_that_returns_open_file(mode: str, encoding: str = None):

    def make_parent_dirs_and_return_path(file_path: str):
        import os
        os.makedirs(os.path.dirname(file_path), exist_ok=True)
        return open(file_path, mode=mode, encoding=encoding)

    return make_parent_dirs_and_return_path
`;

/** The `sh -ec` launcher that writes the program to a file and runs it (kfp's command[2]). */
export const PROGRAM_LAUNCHER = `program_path=$(mktemp)
printf "%s" "$0" > "$program_path"
python3 -u "$program_path" "$@"
`;

export const OUTPUT_WRITING = `import os
for idx, output_file in enumerate(_output_files):
    try:
        os.makedirs(os.path.dirname(output_file))
    except OSError:
        pass
    with open(output_file, 'w') as f:
        f.write(_output_serializers[idx](_outputs[idx]))
`;

export interface Converter {
  /** The serializer's name in the program, and its definition. */
  readonly serializer: readonly [string, string];
  /** The argparse `type=` of a value input, and the definition it needs (if any). */
  readonly deserializer: readonly [string, string | undefined];
}

const STR: Converter = { serializer: ['_serialize_str', SERIALIZE_STR], deserializer: ['str', undefined] };
const INT: Converter = { serializer: ['_serialize_int', SERIALIZE_INT], deserializer: ['int', undefined] };
const FLOAT: Converter = { serializer: ['_serialize_float', SERIALIZE_FLOAT], deserializer: ['float', undefined] };
const BOOL: Converter = { serializer: ['_serialize_bool', SERIALIZE_BOOL], deserializer: ['_deserialize_bool', DESERIALIZE_BOOL] };
const JSON_CONVERTER: Converter = { serializer: ['_serialize_json', SERIALIZE_JSON], deserializer: ['json.loads', 'import json'] };
const PICKLE: Converter = { serializer: ['_serialize_base64_pickle', SERIALIZE_BASE64_PICKLE], deserializer: ['_deserialize_base64_pickle', DESERIALIZE_BASE64_PICKLE] };

/** kfp's converters by type name (its `_data_passing._converters`). */
export const CONVERTERS: ReadonlyMap<string, Converter> = new Map([
  ['String', STR], ['str', STR],
  ['Integer', INT], ['int', INT],
  ['Float', FLOAT], ['float', FLOAT],
  ['Boolean', BOOL], ['Bool', BOOL], ['bool', BOOL],
  ['JsonArray', JSON_CONVERTER], ['List', JSON_CONVERTER], ['list', JSON_CONVERTER],
  ['JsonObject', JSON_CONVERTER], ['Dictionary', JSON_CONVERTER], ['Dict', JSON_CONVERTER], ['dict', JSON_CONVERTER],
  ['Json', JSON_CONVERTER],
  ['Base64Pickle', PICKLE],
]);

/** kfp's get_short_type_name: 'typing.List[int]' → 'List'. */
export function shortTypeName(typeName: string): string {
  const m = /^(?:typing\.)?([\p{L}\p{N}_\p{Mn}\p{Mc}\p{Pc}]+)/u.exec(typeName);
  return m ? m[1]! : typeName;
}

/** The converter kfp uses for a component type name, if any. */
export const converterFor = (typeName: string | undefined): Converter | undefined => (typeName === undefined ? undefined : CONVERTERS.get(shortTypeName(typeName)));
