import CYAML

/// Owns one libyaml `yaml_parser_t` and the input buffer it reads, and turns its events
/// into `YAMLEvent`s. The parser is deleted when this object goes away.
final class YAMLEventParser {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let input: UnsafeMutableBufferPointer<UInt8>
    private let file: String
    /// 1-based line of the event last returned, for error messages.
    private(set) var line = 0

    init(text: String, file: String) throws {
        self.file = file
        parser = .allocate(capacity: 1)
        // libyaml keeps a pointer to the input, so it lives as long as the parser.
        input = .allocate(capacity: max(text.utf8.count, 1))
        _ = input.initialize(from: text.utf8)
        guard yaml_parser_initialize(parser) == 1 else {
            parser.deallocate()
            input.deallocate()
            throw ConfigError(file: file, message: "cannot start the YAML parser: out of memory")
        }
        yaml_parser_set_input_string(parser, input.baseAddress, text.utf8.count)
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
        input.deallocate()
    }

    func next() throws -> YAMLEvent {
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else {
            throw syntaxError()
        }
        defer { yaml_event_delete(&event) }
        line = Int(event.start_mark.line) + 1
        switch event.type {
        case YAML_STREAM_START_EVENT: return .streamStart
        case YAML_STREAM_END_EVENT: return .streamEnd
        case YAML_DOCUMENT_START_EVENT: return .documentStart
        case YAML_DOCUMENT_END_EVENT: return .documentEnd
        case YAML_ALIAS_EVENT: return .alias(Self.string(event.data.alias.anchor) ?? "")
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let value = scalar.value.map { pointer in
                String(decoding: UnsafeBufferPointer(start: pointer, count: scalar.length), as: UTF8.self)
            }
            return .scalar(value ?? "", anchor: Self.string(scalar.anchor))
        case YAML_SEQUENCE_START_EVENT:
            return .sequenceStart(anchor: Self.string(event.data.sequence_start.anchor))
        case YAML_SEQUENCE_END_EVENT: return .sequenceEnd
        case YAML_MAPPING_START_EVENT:
            return .mappingStart(anchor: Self.string(event.data.mapping_start.anchor))
        case YAML_MAPPING_END_EVENT: return .mappingEnd
        default:
            throw ConfigError(
                file: file, message: "unexpected YAML event \(event.type.rawValue) at line \(line)")
        }
    }

    private func syntaxError() -> ConfigError {
        let problem = parser.pointee.problem.map { String(cString: $0) } ?? "malformed YAML"
        let mark = parser.pointee.problem_mark
        return ConfigError(
            file: file,
            message: "YAML syntax error at line \(mark.line + 1), column \(mark.column + 1): \(problem)"
        )
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }
}
