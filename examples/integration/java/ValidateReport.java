import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import disclosure.Report2021;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Checks a 2021-edition report two ways and prints one line:
 * through the command ({@code validate --json FILE}, its output read with Jackson),
 * and through the schema (bound to the classes quicktype generates from schema/2021.json,
 * strictly: no unknown key, no string for a number, no fraction for a count).
 *
 * <p>Usage: {@code java ValidateReport REPORT.json COMMAND [ARG...]}, e.g. {@code node dist/bin.js}.
 * Exit 0 when both find the report sound, 1 when either finds it at fault, 2 when the command fails.
 */
public final class ValidateReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Jackson is lenient by default: "2" would become 2, and 1.5 would become 1. */
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            // format: date, read by java.time as the JSON gives it (ASCII digits, real days, nothing around).
            .addModule(new SimpleModule().addDeserializer(LocalDate.class, new JsonDeserializer<LocalDate>() {
                @Override
                public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                    if (parser.currentToken() != JsonToken.VALUE_STRING) return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
                    try {
                        return LocalDate.parse(parser.getText());
                    } catch (DateTimeParseException e) {
                        throw context.weirdStringException(parser.getText(), LocalDate.class, e.getMessage());
                    }
                }
            }))
            .build();

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: java ValidateReport REPORT.json COMMAND [ARG...]");
            System.exit(2);
        }
        Path report = Path.of(args[0]);
        String command;
        try {
            command = byCommand(report, List.of(args).subList(1, args.length));
        } catch (IOException e) {
            System.out.println(report + ": the command failed: " + e.getMessage());
            System.exit(2);
            return;
        }
        String schema = bySchema(report);
        boolean valid = command == null && schema == null;
        System.out.println(report + ": " + (valid ? "valid" : "invalid")
                + " (command: " + (command == null ? "no errors" : command)
                + "; schema classes: " + (schema == null ? "bound" : schema) + ")");
        System.exit(valid ? 0 : 1);
    }

    /** The command's errors (code and cell), or null when it finds none. */
    static String byCommand(Path report, List<String> command) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(command);
        argv.addAll(List.of("validate", "--json", "--locale", "en", report.toString()));
        Process process = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] stdout = process.getInputStream().readAllBytes();
        int exit = process.waitFor();
        // 0: no error finding, 1: at least one; anything else: the file or the command line was unusable.
        if (exit != 0 && exit != 1) throw new IOException("exit " + exit);
        JsonNode file = JSON.readTree(stdout).get(0);
        if (file.get("ok").asBoolean()) return null;
        List<String> errors = new ArrayList<>();
        for (JsonNode finding : file.get("findings")) {
            if (finding.get("severity").asText().equals("error")) errors.add(finding.get("code").asText() + " " + finding.get("path").asText());
        }
        // The first three keep the line short; the JSON holds them all.
        return errors.size() + " error(s): " + String.join(", ", errors.subList(0, Math.min(3, errors.size()))) + (errors.size() > 3 ? ", …" : "");
    }

    /** Where and why the report does not bind to the generated classes, or null when it does. */
    static String bySchema(Path report) throws IOException {
        try {
            STRICT.readValue(report.toFile(), Report2021.class);
            return null;
        } catch (JsonMappingException e) {
            String pointer = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                    .collect(Collectors.joining("/", "/", ""));
            return pointer + ": " + e.getOriginalMessage().lines().findFirst().orElse("");
        } catch (IOException e) {
            // A generated enum refuses a value outside the schema's with a plain IOException.
            return e.getMessage();
        }
    }
}
