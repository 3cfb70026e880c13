// render — renders a Helm chart the way `helm template` does, for the features the OpenZaak chart uses,
// without a helm binary (none can be installed on our machines). It follows Helm 3's engine
// (pkg/engine): one text/template set holding every file under templates/ (so define/include/template
// work across files), the sprig function map minus env/expandenv, Helm's extra functions (toYaml,
// fromYaml, fromYamlArray, toJson, fromJson, fromJsonArray, include, tpl, required, lookup — which,
// as in `helm template`, finds nothing), missingkey=zero with "<no value>" removed, values read with
// sigs.k8s.io/yaml (numbers are float64, as in Helm), chart values coalesced with -f files (later files
// win, null deletes a key), .Release/.Chart/.Capabilities/.Template/.Files, the chart's kubeVersion
// constraint, and Helm's "YAML parse error" check of every rendered document.
//
// values.schema.json: the coalesced values are validated against it with gojsonschema, the library Helm 3
// (up to 3.17) validates with, before anything is rendered; a violation fails as in Helm ("values don't meet
// the specifications of the schema(s) in the following chart(s)").
//
// Not supported (the chart does not use them): subcharts/dependencies, library charts, --set, toToml,
// .Files.Glob/AsConfig/AsSecrets, a lookup that sees a cluster.
//
//	render -chart DIR [-f values.yaml ...] [-name openzaak] [-namespace default] [-kube-version 1.30.0]
//	       [-upgrade] [-format yaml|json] [-notes]
//
// yaml (default): the manifests as `helm template` prints them ("---", "# Source: <file>").
// json: one JSON object per line, {"source": <file>, "object": <the document as JSON>}, converted with
// sigs.k8s.io/yaml.YAMLToJSON as kubectl and Helm convert YAML.
// -notes: print the rendered NOTES.txt instead.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"text/template"

	"github.com/Masterminds/semver"
	"github.com/Masterminds/sprig"
	"github.com/xeipuuv/gojsonschema"
	"sigs.k8s.io/yaml"
)

// Metadata mirrors helm.sh/helm/v3/pkg/chart.Metadata: templates see .Chart.Name, .Chart.AppVersion, ...
type Metadata struct {
	Name         string            `json:"name,omitempty"`
	Home         string            `json:"home,omitempty"`
	Sources      []string          `json:"sources,omitempty"`
	Version      string            `json:"version,omitempty"`
	Description  string            `json:"description,omitempty"`
	Keywords     []string          `json:"keywords,omitempty"`
	Icon         string            `json:"icon,omitempty"`
	APIVersion   string            `json:"apiVersion,omitempty"`
	Condition    string            `json:"condition,omitempty"`
	Tags         string            `json:"tags,omitempty"`
	AppVersion   string            `json:"appVersion,omitempty"`
	Deprecated   bool              `json:"deprecated,omitempty"`
	Annotations  map[string]string `json:"annotations,omitempty"`
	KubeVersion  string            `json:"kubeVersion,omitempty"`
	Type         string            `json:"type,omitempty"`
	Dependencies []interface{}     `json:"dependencies,omitempty"`
	Maintainers  []interface{}     `json:"maintainers,omitempty"`
}

// KubeVersion mirrors chartutil.KubeVersion.
type KubeVersion struct {
	Version string
	Major   string
	Minor   string
}

func (kv KubeVersion) String() string { return kv.Version }

// GitVersion is the deprecated alias Helm keeps.
func (kv KubeVersion) GitVersion() string { return kv.Version }

// VersionSet mirrors chartutil.VersionSet.
type VersionSet []string

// Has tells whether an API version (or group/version/Kind) is known.
func (v VersionSet) Has(apiVersion string) bool {
	for _, x := range v {
		if x == apiVersion {
			return true
		}
	}
	return false
}

// Capabilities mirrors chartutil.Capabilities.
type Capabilities struct {
	KubeVersion KubeVersion
	APIVersions VersionSet
	HelmVersion map[string]string
}

// Files mirrors the parts of engine.files the chart may use.
type Files map[string][]byte

// Get returns a file's content, "" when absent.
func (f Files) Get(name string) string { return string(f[name]) }

// GetBytes returns a file's content.
func (f Files) GetBytes(name string) []byte { return f[name] }

type renderable struct {
	name string
	text string
}

var docSplit = regexp.MustCompile(`(?:^|\s*\n)---\s*`)

func main() {
	var valueFiles multiFlag
	chartDir := flag.String("chart", "", "chart directory")
	flag.Var(&valueFiles, "f", "values file (repeatable; later ones win)")
	name := flag.String("name", "openzaak", "release name")
	namespace := flag.String("namespace", "default", "release namespace")
	kubeVersion := flag.String("kube-version", "1.30.0", "Kubernetes version for .Capabilities and kubeVersion")
	upgrade := flag.Bool("upgrade", false, ".Release.IsUpgrade instead of IsInstall")
	format := flag.String("format", "yaml", "yaml or json")
	notes := flag.Bool("notes", false, "print the rendered NOTES.txt")
	flag.Parse()
	if *chartDir == "" {
		fail(errors.New("-chart is required"))
	}
	out, err := run(*chartDir, valueFiles, *name, *namespace, *kubeVersion, *upgrade, *format, *notes)
	if err != nil {
		fail(err)
	}
	os.Stdout.WriteString(out)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "Error:", err)
	os.Exit(1)
}

type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

func run(chartDir string, valueFiles []string, releaseName, namespace, kubeVersion string, upgrade bool, format string, notesOnly bool) (string, error) {
	meta := Metadata{}
	raw, err := os.ReadFile(filepath.Join(chartDir, "Chart.yaml"))
	if err != nil {
		return "", err
	}
	if err := yaml.Unmarshal(raw, &meta); err != nil {
		return "", fmt.Errorf("Chart.yaml: %w", err)
	}
	if meta.APIVersion != "v2" {
		return "", fmt.Errorf("Chart.yaml: apiVersion %q: only v2 charts are supported", meta.APIVersion)
	}
	if meta.Name == "" || meta.Version == "" {
		return "", errors.New("Chart.yaml: name and version are required")
	}
	if _, err := semver.NewVersion(meta.Version); err != nil {
		return "", fmt.Errorf("Chart.yaml: version %q is not SemVer 2: %w", meta.Version, err)
	}
	if len(meta.Dependencies) > 0 {
		return "", errors.New("Chart.yaml: dependencies are not supported by this renderer")
	}
	kv, err := semver.NewVersion(kubeVersion)
	if err != nil {
		return "", fmt.Errorf("-kube-version: %w", err)
	}
	if meta.KubeVersion != "" {
		// As Helm's chartutil.IsCompatibleRange: a constraint without a pre-release part is checked
		// against the version without one.
		c, err := semver.NewConstraint(meta.KubeVersion)
		if err != nil {
			return "", fmt.Errorf("Chart.yaml: kubeVersion %q: %w", meta.KubeVersion, err)
		}
		if !c.Check(kv) {
			return "", fmt.Errorf("chart requires kubeVersion: %s which is incompatible with Kubernetes v%s", meta.KubeVersion, kv)
		}
	}

	values, err := readValues(filepath.Join(chartDir, "values.yaml"))
	if err != nil {
		return "", err
	}
	for _, f := range valueFiles {
		user, err := readValues(f)
		if err != nil {
			return "", err
		}
		values = coalesce(user, values)
	}
	if err := validateValues(chartDir, meta.Name, values); err != nil {
		return "", err
	}

	files := Files{}
	var templates []renderable
	err = filepath.WalkDir(chartDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(chartDir, p)
		rel = filepath.ToSlash(rel)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if strings.HasPrefix(rel, "templates/") {
			templates = append(templates, renderable{name: path.Join(meta.Name, rel), text: string(data)})
		} else if rel != "Chart.yaml" && rel != "values.yaml" && !strings.HasPrefix(rel, "charts/") {
			files[rel] = data
		}
		return nil
	})
	if err != nil {
		return "", err
	}

	top := map[string]interface{}{
		"Values": values,
		"Chart":  &meta,
		"Release": map[string]interface{}{
			"Name":      releaseName,
			"Namespace": namespace,
			"IsUpgrade": upgrade,
			"IsInstall": !upgrade,
			"Revision":  1,
			"Service":   "Helm",
		},
		"Capabilities": &Capabilities{
			KubeVersion: KubeVersion{Version: "v" + kv.String(), Major: fmt.Sprint(kv.Major()), Minor: fmt.Sprint(kv.Minor())},
			APIVersions: VersionSet{"v1", "apps/v1", "batch/v1", "autoscaling/v2", "policy/v1", "networking.k8s.io/v1"},
			HelmVersion: map[string]string{"version": "v3-compatible-renderer"},
		},
		"Files": files,
	}

	rendered, err := renderAll(templates, top, meta.Name)
	if err != nil {
		return "", err
	}
	notesName := path.Join(meta.Name, "templates", "NOTES.txt")
	if notesOnly {
		return rendered[notesName], nil
	}

	names := make([]string, 0, len(rendered))
	for n := range rendered {
		if n != notesName {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	var out strings.Builder
	for _, n := range names {
		for _, doc := range docSplit.Split(rendered[n], -1) {
			if strings.TrimSpace(doc) == "" {
				continue
			}
			// Helm's SortManifests: every document must parse, with apiVersion and kind.
			var head struct {
				APIVersion string `json:"apiVersion"`
				Kind       string `json:"kind"`
			}
			if err := yaml.Unmarshal([]byte(doc), &head); err != nil {
				return "", fmt.Errorf("YAML parse error on %s: %w", n, err)
			}
			if head.APIVersion == "" || head.Kind == "" {
				// Helm keeps documents that are only comments; anything else needs both.
				var any interface{}
				if yaml.Unmarshal([]byte(doc), &any); any != nil {
					return "", fmt.Errorf("%s: a document without apiVersion or kind:\n%s", n, doc)
				}
				continue
			}
			switch format {
			case "json":
				j, err := yaml.YAMLToJSON([]byte(doc))
				if err != nil {
					return "", fmt.Errorf("%s: %w", n, err)
				}
				line, _ := json.Marshal(map[string]interface{}{"source": n, "object": json.RawMessage(j)})
				out.Write(line)
				out.WriteString("\n")
			default:
				fmt.Fprintf(&out, "---\n# Source: %s\n%s\n", n, strings.TrimRight(doc, "\n"))
			}
		}
	}
	return out.String(), nil
}

// validateValues checks the final values against the chart's values.schema.json, as Helm's
// chartutil.ValidateAgainstSchema does (values as JSON, one line per violation).
func validateValues(chartDir, chartName string, values map[string]interface{}) error {
	schema, err := os.ReadFile(filepath.Join(chartDir, "values.schema.json"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	} else if err != nil {
		return err
	}
	valuesJSON, err := json.Marshal(values)
	if err != nil {
		return err
	}
	result, err := gojsonschema.Validate(gojsonschema.NewBytesLoader(schema), gojsonschema.NewBytesLoader(valuesJSON))
	if err != nil {
		return fmt.Errorf("values.schema.json: %w", err)
	}
	if result.Valid() {
		return nil
	}
	var msg strings.Builder
	for _, e := range result.Errors() {
		fmt.Fprintf(&msg, "- %s\n", e)
	}
	return fmt.Errorf("values don't meet the specifications of the schema(s) in the following chart(s):\n%s:\n%s", chartName, msg.String())
}

func readValues(file string) (map[string]interface{}, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	v := map[string]interface{}{}
	if err := yaml.Unmarshal(data, &v); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if v == nil {
		v = map[string]interface{}{}
	}
	return v, nil
}

// coalesce merges src (user values) over dst (chart defaults) as Helm's chartutil.CoalesceTables:
// maps are merged key by key, anything else in src replaces dst, and a null in src deletes the key.
func coalesce(src, dst map[string]interface{}) map[string]interface{} {
	out := map[string]interface{}{}
	for k, v := range dst {
		out[k] = v
	}
	for k, v := range src {
		if v == nil {
			delete(out, k)
			continue
		}
		sm, sok := v.(map[string]interface{})
		dm, dok := out[k].(map[string]interface{})
		if sok && dok {
			out[k] = coalesce(sm, dm)
		} else {
			out[k] = v
		}
	}
	return out
}

const recursionMax = 1000

func renderAll(tpls []renderable, top map[string]interface{}, chartName string) (map[string]string, error) {
	t := template.New("gotpl")
	t.Option("missingkey=zero")
	included := map[string]int{}
	funcs := funcMap()
	funcs["include"] = func(name string, data interface{}) (string, error) {
		if included[name] > recursionMax {
			return "", fmt.Errorf("rendering template has a nested reference name: %s", name)
		}
		included[name]++
		defer func() { included[name]-- }()
		var buf strings.Builder
		err := t.ExecuteTemplate(&buf, name, data)
		return buf.String(), err
	}
	funcs["tpl"] = func(text string, vals interface{}) (string, error) {
		// As Helm: the text is parsed as a template named after the calling template, with every
		// chart template available to it.
		clone, err := t.Clone()
		if err != nil {
			return "", err
		}
		name := "tpl"
		if m, ok := vals.(map[string]interface{}); ok {
			if tm, ok := m["Template"].(map[string]interface{}); ok {
				if s, ok := tm["Name"].(string); ok {
					name = s
				}
			}
		}
		if _, err := clone.New(name).Parse(text); err != nil {
			return "", fmt.Errorf("error during tpl function execution for %q: %w", text, err)
		}
		var buf strings.Builder
		if err := clone.ExecuteTemplate(&buf, name, vals); err != nil {
			return "", fmt.Errorf("error during tpl function execution for %q: %w", text, err)
		}
		return strings.ReplaceAll(buf.String(), "<no value>", ""), nil
	}
	funcs["required"] = func(warn string, val interface{}) (interface{}, error) {
		if val == nil {
			return val, errors.New(warn)
		}
		if s, ok := val.(string); ok && s == "" {
			return val, errors.New(warn)
		}
		return val, nil
	}
	t.Funcs(funcs)

	// Helm parses in a fixed order (by path depth, then name); the order only matters for
	// duplicate defines, where the last parsed wins.
	sort.SliceStable(tpls, func(i, j int) bool {
		ci, cj := strings.Count(tpls[i].name, "/"), strings.Count(tpls[j].name, "/")
		if ci == cj {
			return tpls[i].name > tpls[j].name
		}
		return ci > cj
	})
	for _, r := range tpls {
		if _, err := t.New(r.name).Parse(r.text); err != nil {
			return nil, fmt.Errorf("parse error in %s: %w", r.name, err)
		}
	}
	out := map[string]string{}
	for _, r := range tpls {
		if strings.HasPrefix(path.Base(r.name), "_") {
			continue
		}
		vals := map[string]interface{}{}
		for k, v := range top {
			vals[k] = v
		}
		vals["Template"] = map[string]interface{}{"Name": r.name, "BasePath": path.Join(chartName, "templates")}
		var buf bytes.Buffer
		if err := t.ExecuteTemplate(&buf, r.name, vals); err != nil {
			return nil, fmt.Errorf("execution error in %s: %w", r.name, err)
		}
		out[r.name] = strings.ReplaceAll(buf.String(), "<no value>", "")
	}
	return out, nil
}

func funcMap() template.FuncMap {
	f := sprig.TxtFuncMap()
	delete(f, "env")
	delete(f, "expandenv")
	extra := template.FuncMap{
		"toYaml": func(v interface{}) string {
			data, err := yaml.Marshal(v)
			if err != nil {
				return ""
			}
			return strings.TrimSuffix(string(data), "\n")
		},
		"fromYaml": func(s string) map[string]interface{} {
			m := map[string]interface{}{}
			if err := yaml.Unmarshal([]byte(s), &m); err != nil {
				m["Error"] = err.Error()
			}
			return m
		},
		"fromYamlArray": func(s string) []interface{} {
			a := []interface{}{}
			if err := yaml.Unmarshal([]byte(s), &a); err != nil {
				a = []interface{}{err.Error()}
			}
			return a
		},
		"toJson": func(v interface{}) string {
			data, err := json.Marshal(v)
			if err != nil {
				return ""
			}
			return string(data)
		},
		"fromJson": func(s string) map[string]interface{} {
			m := map[string]interface{}{}
			if err := json.Unmarshal([]byte(s), &m); err != nil {
				m["Error"] = err.Error()
			}
			return m
		},
		"fromJsonArray": func(s string) []interface{} {
			a := []interface{}{}
			if err := json.Unmarshal([]byte(s), &a); err != nil {
				a = []interface{}{err.Error()}
			}
			return a
		},
		// `helm template` has no cluster: lookup finds nothing (an empty map), as here.
		"lookup": func(apiVersion, kind, namespace, name string) (map[string]interface{}, error) {
			return map[string]interface{}{}, nil
		},
	}
	for k, v := range extra {
		f[k] = v
	}
	return f
}
