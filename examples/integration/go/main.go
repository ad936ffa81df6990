// Command validate-report checks a report two ways and prints one line:
// through the command (`validate --json FILE`, its output decoded into
// structs), and through the shipped JSON Schema, with gojsonschema.
//
// Usage: validate-report REPORT.json SCHEMA.json COMMAND [ARG...]
// e.g. validate-report report.json node_modules/gov-disclosure-report/schema/report.json node_modules/.bin/gov-disclosure-report
//
// Exit 0 when both find the report sound, 1 when either finds it at fault,
// 2 when the command or the schema cannot be used.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/xeipuuv/gojsonschema"
)

// Finding and FileResult are the output of `validate --json` (docs/integration.md).
type Finding struct {
	Code     string          `json:"code"`
	Severity string          `json:"severity"`
	Path     string          `json:"path"`
	Expected json.RawMessage `json:"expected,omitempty"`
	Actual   json.RawMessage `json:"actual,omitempty"`
	Message  string          `json:"message"`
}

type FileResult struct {
	File     string    `json:"file"`
	OK       bool      `json:"ok"`
	Findings []Finding `json:"findings"`
	Error    string    `json:"error,omitempty"`
}

func main() {
	if len(os.Args) < 4 {
		fmt.Fprintln(os.Stderr, "usage: validate-report REPORT.json SCHEMA.json COMMAND [ARG...]")
		os.Exit(2)
	}
	report, schemaFile, command := os.Args[1], os.Args[2], os.Args[3:]
	byCommand, err := validateByCommand(report, command)
	if err != nil {
		fail(report, "the command failed", err)
	}
	bySchema, err := validateBySchema(report, schemaFile)
	if err != nil {
		fail(report, "the schema failed", err)
	}
	verdict, exit := "valid", 0
	if byCommand != "" || bySchema != "" {
		verdict, exit = "invalid", 1
	}
	fmt.Printf("%s: %s (command: %s; schema: %s)\n", report, verdict, or(byCommand, "no errors"), or(bySchema, "valid"))
	os.Exit(exit)
}

// validateByCommand returns the command's errors (code and cell), or "" when it finds none.
func validateByCommand(report string, command []string) (string, error) {
	argv := append(append([]string{}, command[1:]...), "validate", "--json", "--locale", "en", report)
	cmd := exec.Command(command[0], argv...)
	var stdout bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		// 1: at least one error finding; anything else: the file or the command line was unusable.
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != 1 {
			return "", err
		}
	}
	var results []FileResult
	if err := json.Unmarshal(stdout.Bytes(), &results); err != nil || len(results) != 1 {
		return "", fmt.Errorf("unexpected output: %v", err)
	}
	if results[0].OK {
		return "", nil
	}
	var errs []string
	for _, f := range results[0].Findings {
		if f.Severity == "error" {
			errs = append(errs, f.Code+" "+f.Path)
		}
	}
	// The first three keep the line short; the JSON holds them all.
	shown, more := errs, ""
	if len(errs) > 3 {
		shown, more = errs[:3], ", …"
	}
	return fmt.Sprintf("%d error(s): %s%s", len(errs), strings.Join(shown, ", "), more), nil
}

// validateBySchema returns where and why the report breaks the schema, or "" when it does not.
func validateBySchema(report, schemaFile string) (string, error) {
	raw, err := os.ReadFile(schemaFile)
	if err != nil {
		return "", err
	}
	var schema map[string]interface{}
	if err := json.Unmarshal(raw, &schema); err != nil {
		return "", err
	}
	// gojsonschema cannot resolve "#/$defs/…" against a urn: $id; without it they resolve in the document.
	delete(schema, "$id")
	loader := gojsonschema.NewSchemaLoader()
	// It knows drafts 4 to 7: read as draft 7, the schema's keywords mean the same ($defs is reached by $ref's pointer).
	loader.Draft, loader.AutoDetect = gojsonschema.Draft7, false
	compiled, err := loader.Compile(gojsonschema.NewGoLoader(schema))
	if err != nil {
		return "", err
	}
	path, err := filepath.Abs(report)
	if err != nil {
		return "", err
	}
	result, err := compiled.Validate(gojsonschema.NewReferenceLoader("file://" + filepath.ToSlash(path)))
	if err != nil {
		return "", err
	}
	if result.Valid() {
		return "", nil
	}
	var all, errs []string
	for _, e := range result.Errors() {
		all = append(all, e.String())
		// The if/then and anyOf wrappers repeat what the errors below them say.
		if e.Type() != "condition_then" && e.Type() != "number_any_of" && e.Type() != "number_all_of" {
			errs = append(errs, e.String())
		}
	}
	if len(errs) == 0 {
		errs = all
	}
	return strings.Join(errs, "; "), nil
}

func or(s, otherwise string) string {
	if s == "" {
		return otherwise
	}
	return s
}

func fail(report, what string, err error) {
	fmt.Printf("%s: %s: %v\n", report, what, err)
	os.Exit(2)
}
