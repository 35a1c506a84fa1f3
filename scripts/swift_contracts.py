#!/usr/bin/env python3
"""Writes the Swift mirror types of proto/ (one file per message) from a FileDescriptorSet.

Usage: swift_contracts.py DESCRIPTOR_SET OUT_DIR C_HEADER_DIR
The descriptor set comes from `protoc-c -o`; it is read with a small protobuf wire reader so the
script needs nothing beyond Python's standard library.
"""
import os
import sys

TYPE_NAMES = {1: "double", 2: "float", 3: "int64", 4: "uint64", 5: "int32", 8: "bool", 9: "string",
              11: "message", 12: "bytes", 13: "uint32", 14: "enum", 17: "sint32", 18: "sint64"}
REPEATED = 3


def fields_of(data):
    """Yields (number, wire_type, value) of one encoded message."""
    i = 0
    while i < len(data):
        key, i = varint(data, i)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, i = varint(data, i)
        elif wire == 2:
            length, i = varint(data, i)
            value, i = data[i:i + length], i + length
        elif wire == 1:
            value, i = data[i:i + 8], i + 8
        elif wire == 5:
            value, i = data[i:i + 4], i + 4
        else:
            raise SystemExit(f"unsupported wire type {wire}")
        yield number, wire, value


def varint(data, i):
    shift = result = 0
    while True:
        byte = data[i]
        i += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return result, i


def decode(data, schema):
    """schema: number -> (name, kind, repeated); kind is 'str', 'int' or a nested schema."""
    out = {name: [] for name, _, rep in schema.values() if rep}
    for number, _, value in fields_of(data):
        if number not in schema:
            continue
        name, kind, rep = schema[number]
        if kind == "str":
            value = value.decode()
        elif isinstance(kind, dict):
            value = decode(value, kind)
        if rep:
            out[name].append(value)
        else:
            out[name] = value
    return out


ENUM_VALUE = {1: ("name", "str", False), 2: ("number", "int", False)}
ENUM = {1: ("name", "str", False), 2: ("value", ENUM_VALUE, True)}
FIELD = {1: ("name", "str", False), 3: ("number", "int", False), 4: ("label", "int", False),
         5: ("type", "int", False), 6: ("type_name", "str", False)}
MESSAGE = {1: ("name", "str", False), 2: ("field", FIELD, True), 4: ("enum_type", ENUM, True)}
MESSAGE[3] = ("nested_type", MESSAGE, True)
METHOD = {1: ("name", "str", False), 2: ("input_type", "str", False), 3: ("output_type", "str", False)}
SERVICE = {1: ("name", "str", False), 2: ("method", METHOD, True)}
FILE = {1: ("name", "str", False), 2: ("package", "str", False), 4: ("message_type", MESSAGE, True),
        5: ("enum_type", ENUM, True), 6: ("service", SERVICE, True)}
FILE_SET = {1: ("file", FILE, True)}


def camel(name):
    parts = name.split("_")
    return parts[0] + "".join(p[:1].upper() + p[1:] for p in parts[1:])


def c_lower(name):
    out = ""
    for i, ch in enumerate(name):
        if ch.isupper() and i > 0 and name[i - 1].islower():
            out += "_"
        out += ch.lower()
    return out


def lower_first(name):
    """ConnectURL -> connectURL, SummaryByEmails -> summaryByEmails."""
    return name[:1].lower() + name[1:]


def namespace(package):
    # stripebridge.revenue.v1 -> RevenueV1
    parts = package.split(".")[1:]
    return "".join(p[:1].upper() + p[1:] for p in parts)


class Generator:
    def __init__(self, file_set, header_dir):
        self.files = decode(file_set, FILE_SET)["file"]
        self.header_text = ""
        for root, _, names in os.walk(header_dir):
            for n in names:
                if n.endswith(".h"):
                    self.header_text += open(os.path.join(root, n)).read()
        self.swift_names = {}
        for f in self.files:
            ns = namespace(f["package"])
            for m in f["message_type"]:
                self.swift_names[f".{f['package']}.{m['name']}"] = f"{ns}.{m['name']}"
                for e in m["enum_type"]:
                    self.swift_names[f".{f['package']}.{m['name']}.{e['name']}"] = f"{ns}.{m['name']}.{e['name']}"
            for e in f["enum_type"]:
                self.swift_names[f".{f['package']}.{e['name']}"] = f"{ns}.{e['name']}"

    def swift_type(self, field):
        kind = TYPE_NAMES.get(field["type"])
        base = {"int64": "Int64", "uint64": "UInt64", "int32": "Int32", "bool": "Bool",
                "string": "String", "bytes": "[UInt8]"}.get(kind)
        if kind in ("message", "enum"):
            base = self.swift_names[field["type_name"]]
        if base is None:
            raise SystemExit(f"field {field['name']}: type {kind} is not supported by the Swift mirror")
        if field.get("label") == REPEATED:
            if kind in ("bytes", "int32", "uint64", "bool", "enum"):
                raise SystemExit(f"field {field['name']}: repeated {kind} is not supported yet")
            return f"[{base}]", kind, True
        if kind == "message":
            return f"{base}?", kind, False
        return base, kind, False

    def default(self, swift_type, kind, repeated):
        if repeated:
            return "[]"
        return {"string": '""', "bytes": "[]", "bool": "false", "message": "nil"}.get(
            kind, ".init(rawValue: 0)!" if kind == "enum" else "0")

    def enum_text(self, enum, indent):
        pad = " " * indent
        lines = [f"{pad}public enum {enum['name']}: Int32, Sendable, CaseIterable {{"]
        # proto style prefixes values with the enum's name (WEBHOOK_OUTCOME_APPLIED); Swift does not.
        prefix = c_lower(enum["name"]).upper() + "_"
        strip = all(v["name"].startswith(prefix) and len(v["name"]) > len(prefix) for v in enum["value"])
        for v in enum["value"]:
            name = v["name"][len(prefix):] if strip else v["name"]
            case = camel(name.lower())
            if case[:1].isdigit():
                case = "_" + case
            lines.append(f"{pad}    case {case} = {v['number']}")
        lines.append(f"{pad}}}")
        return lines

    def message_text(self, package, message):
        ns = namespace(package)
        c_name = "__".join(c_lower(p) for p in package.split(".")) + "__" + c_lower(message["name"])
        init_fn = f"{c_name}__init"
        if init_fn not in self.header_text:
            raise SystemExit(f"{init_fn} not found in the generated C headers")
        lines = ["// Generated by scripts/generate-protos.sh from proto/. Do not edit.",
                 "import CContracts", "import ProtoBridge", "",
                 f"extension {ns} {{",
                 f"    /// Mirrors `{package}.{message['name']}`.",
                 f"    public struct {message['name']}: ProtoMessage, Equatable {{",
                 "        public static let descriptor = ProtoDescriptor(",
                 f"            {init_fn}", "        )", ""]
        props = []
        for f in message["field"]:
            swift_type, kind, repeated = self.swift_type(f)
            props.append((camel(f["name"]), f["name"], swift_type, kind, repeated))
        for prop, _, swift_type, kind, repeated in props:
            lines.append(f"        public var {prop}: {swift_type}")
        lines.append("")
        lines.append("        /// The fields, looked up in the descriptor once.")
        lines.append("        private enum Fields {")
        for prop, name, *_ in props:
            lines.append(f'            static let {prop} = descriptor.field("{name}")')
        lines.append("        }")
        lines.append("")
        lines.append("        public init(")
        params = [f"            {p}: {t} = {self.default(t, k, r)}" for p, _, t, k, r in props]
        lines.append(",\n".join(params))
        lines.append("        ) {")
        for prop, *_ in props:
            lines.append(f"            self.{prop} = {prop}")
        lines.append("        }")
        lines.append("")
        lines.append("        public init(from reader: ProtoReader) throws {")
        for prop, name, swift_type, kind, repeated in props:
            if repeated:
                call = {"string": f'reader.strings(Fields.{prop})', "int64": f'reader.int64s(Fields.{prop})',
                        "message": f'try reader.messages(Fields.{prop})'}[kind]
            elif kind == "enum":
                call = (f'{swift_type}(\n                rawValue: reader.enumValue(Fields.{prop})\n'
                        f'            ) ?? .init(rawValue: 0)!')
            elif kind == "message":
                call = f'try reader.message(Fields.{prop})'
            else:
                call = {"string": "string", "bytes": "bytes", "int64": "int64", "uint64": "uint64",
                        "int32": "int32", "bool": "bool"}[kind]
                call = f'reader.{call}(Fields.{prop})'
            lines.append(f"            {prop} = {call}")
        lines.append("        }")
        lines.append("")
        lines.append("        public func write(to writer: ProtoWriter) {")
        for prop, name, swift_type, kind, repeated in props:
            if repeated:
                label = {"string": "strings", "int64": "int64s", "message": "messages"}[kind]
                lines.append(f'            writer.set(Fields.{prop}, {label}: {prop})')
            elif kind == "enum":
                lines.append(f'            writer.set(Fields.{prop}, enumValue: {prop}.rawValue)')
            elif kind == "message":
                lines.append(f'            writer.set(Fields.{prop}, message: {prop})')
            elif kind == "bytes":
                lines.append(f'            writer.set(Fields.{prop}, bytes: {prop})')
            else:
                lines.append(f'            writer.set(Fields.{prop}, {prop})')
        lines.append("        }")
        for e in message["enum_type"]:
            lines.append("")
            lines.extend(self.enum_text(e, 8))
        lines.append("    }")
        lines.append("}")
        return "\n".join(lines) + "\n"

    def write(self, out_dir):
        written = {}
        for f in self.files:
            ns = namespace(f["package"])
            folder = os.path.join(out_dir, ns)
            written.setdefault(os.path.join(folder, f"{ns}.swift"), self.namespace_text(f))
            for m in f["message_type"]:
                written[os.path.join(folder, f"{ns}.{m['name']}.swift")] = self.message_text(f["package"], m)
            for e in f["enum_type"]:
                text = ["// Generated by scripts/generate-protos.sh from proto/. Do not edit.", "",
                        f"extension {ns} {{", f"    /// Mirrors `{f['package']}.{e['name']}`."]
                text += self.enum_text(e, 4) + ["}"]
                written[os.path.join(folder, f"{ns}.{e['name']}.swift")] = "\n".join(text) + "\n"
            for service in f["service"]:
                written[os.path.join(folder, f"{ns}.{service['name']}.swift")] = self.service_text(f, service)
        for path, text in written.items():
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w") as out:
                out.write(text)

    def service_text(self, f, service):
        ns = namespace(f["package"])
        lines = ["// Generated by scripts/generate-protos.sh from proto/. Do not edit.",
                 "import ProtoBridge", "", f"extension {ns} {{",
                 f"    /// The methods of `{f['package']}.{service['name']}`.",
                 f"    public enum {service['name']} {{"]
        for m in service["method"]:
            request = self.swift_names[m["input_type"]]
            response = self.swift_names[m["output_type"]]
            full = f"/{f['package']}.{service['name']}/{m['name']}"
            lines.append(f"        public static let {lower_first(m['name'])} = RPCMethod<")
            lines.append(f"            {request},")
            lines.append(f"            {response}")
            lines.append(f'        >(name: "{full}")')
        lines += ["    }", "}"]
        return "\n".join(lines) + "\n"

    def namespace_text(self, f):
        ns = namespace(f["package"])
        return ("// Generated by scripts/generate-protos.sh from proto/. Do not edit.\n\n"
                f"/// The messages of `{f['package']}`.\npublic enum {ns} {{}}\n")


if __name__ == "__main__":
    descriptor_set, out_dir, header_dir = sys.argv[1:4]
    Generator(open(descriptor_set, "rb").read(), header_dir).write(out_dir)
