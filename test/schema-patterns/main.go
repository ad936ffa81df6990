// Command schema-patterns judges the cases of test/fixtures/schema-patterns.json
// with gojsonschema, whose patterns run in Go's RE2, as test/schema_patterns.py
// does with python-jsonschema and test/json-schema-patterns.test.ts with ajv.
// Prints one line; exits 1 when a case is judged otherwise than the fixture
// says, 2 when a file cannot be read. Run from the repository root after the
// build, with Debian's golang-go and golang-github-xeipuuv-gojsonschema-dev:
//
//	GO111MODULE=off GOPATH=/usr/share/gocode go run ./test/schema-patterns
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/xeipuuv/gojsonschema"
)

type place struct {
	Schema  string         `json:"schema"`
	Example string         `json:"example"`
	Record  map[string]any `json:"record"`
	Pointer string         `json:"pointer"`
}

type fixture struct {
	Places map[string][]place `json:"places"`
	Cases  []struct {
		Kind  string `json:"kind"`
		Value any    `json:"value"`
		Valid bool   `json:"valid"`
		Why   string `json:"why"`
	} `json:"cases"`
}

func load(path string, into any) {
	data, err := os.ReadFile(path)
	if err == nil {
		err = json.Unmarshal(data, into)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "schema-patterns: %s: %v\n", path, err)
		os.Exit(2)
	}
}

// put sets the value at a JSON Pointer of plain keys.
func put(document map[string]any, pointer string, value any) {
	keys := strings.Split(pointer, "/")[1:]
	for _, key := range keys[:len(keys)-1] {
		document = document[key].(map[string]any)
	}
	document[keys[len(keys)-1]] = value
}

func main() {
	var cases fixture
	load("test/fixtures/schema-patterns.json", &cases)
	schemas := map[string]*gojsonschema.Schema{}
	var wrong []string
	checked := 0
	for _, c := range cases.Cases {
		for _, p := range cases.Places[c.Kind] {
			schema, ok := schemas[p.Schema]
			if !ok {
				schema = compile("schema/" + p.Schema + ".json")
				schemas[p.Schema] = schema
			}
			// A fresh copy of the record or example each time, the one value changed.
			var document map[string]any
			if p.Record != nil {
				copied, _ := json.Marshal(p.Record)
				json.Unmarshal(copied, &document)
			} else {
				load("examples/"+p.Example, &document)
			}
			put(document, p.Pointer, c.Value)
			result, err := schema.Validate(gojsonschema.NewGoLoader(document))
			if err != nil {
				fmt.Fprintf(os.Stderr, "schema-patterns: %v\n", err)
				os.Exit(2)
			}
			checked++
			if result.Valid() != c.Valid {
				wrong = append(wrong, fmt.Sprintf("  schema/%s.json %s = %q (%s): expected valid %v", p.Schema, p.Pointer, c.Value, c.Why, c.Valid))
			}
		}
	}
	fmt.Printf("gojsonschema: %d of %d cases as the fixture says\n", checked-len(wrong), checked)
	if len(wrong) > 0 {
		fmt.Println(strings.Join(wrong, "\n"))
		os.Exit(1)
	}
}

// compile reads a shipped schema as examples/integration/go does: gojsonschema
// cannot resolve "#/$defs/…" against a urn: $id, and knows drafts 4 to 7 (read as
// draft 7, the keywords mean the same).
func compile(path string) *gojsonschema.Schema {
	var schema map[string]any
	load(path, &schema)
	delete(schema, "$id")
	loader := gojsonschema.NewSchemaLoader()
	loader.Draft, loader.AutoDetect = gojsonschema.Draft7, false
	compiled, err := loader.Compile(gojsonschema.NewGoLoader(schema))
	if err != nil {
		fmt.Fprintf(os.Stderr, "schema-patterns: %s: %v\n", path, err)
		os.Exit(2)
	}
	return compiled
}
