package org.opentokens.powerauth.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Keeps the README true: every Java snippet marked {@code <!-- example: PATH -->} is, character for character, the
 * imports it uses followed by the lines between {@code // README-BEGIN} and {@code // README-END} of that example
 * (without their common indentation); every example is shown; and the coordinates and the BOM name this version.
 */
class ReadmeSnippetsTest {
    private static final Path ROOT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    private static final Pattern MARKED_SNIPPET =
            Pattern.compile("<!-- example: (\\S+) -->\\n```java\\n(.*?)\\n```", Pattern.DOTALL);
    private static final String BEGIN = "// README-BEGIN";
    private static final String END = "// README-END";

    private static String readme() throws IOException {
        return Files.readString(ROOT.resolve("README.md"));
    }

    /** @return path (from the root) to snippet text, in README order */
    private static Map<String, String> snippets() throws IOException {
        Map<String, String> found = new LinkedHashMap<>();
        Matcher m = MARKED_SNIPPET.matcher(readme());
        while (m.find()) {
            found.put(m.group(1), m.group(2));
        }
        return found;
    }

    /** @return what the README must show for an example file */
    static String expectedSnippet(List<String> lines) {
        int begin = indexOfMarker(lines, BEGIN);
        int end = indexOfMarker(lines, END);
        assertThat(begin).as("README-BEGIN").isNotNegative().isLessThan(end);
        List<String> region = lines.subList(begin + 1, end);
        int indent = region.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        String body = region.stream().map(l -> l.isBlank() ? "" : l.substring(indent))
                .collect(Collectors.joining("\n"));
        List<String> imports = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("import ")) {
                String name = line.substring(line.lastIndexOf('.') + 1, line.length() - 1);
                if (Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(body).find()) {
                    imports.add(line);
                }
            }
        }
        return imports.isEmpty() ? body : String.join("\n", imports) + "\n\n" + body;
    }

    private static int indexOfMarker(List<String> lines, String marker) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(marker)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void everyMarkedSnippetIsItsExampleWithTheImportsItUses() throws IOException {
        Map<String, String> snippets = snippets();

        assertThat(snippets).isNotEmpty();
        for (Map.Entry<String, String> snippet : snippets.entrySet()) {
            Path source = ROOT.resolve(snippet.getKey());
            assertThat(source).as("README names an example that does not exist").isRegularFile();
            assertThat(snippet.getValue()).as("README snippet of " + snippet.getKey()
                    + " (copy the example's lines between README-BEGIN and README-END, and its imports)")
                    .isEqualTo(expectedSnippet(Files.readAllLines(source)));
        }
    }

    @Test
    void everyExampleIsShownInTheReadme() throws IOException {
        Set<String> examples = new TreeSet<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve("examples").resolve("src"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (Files.readAllLines(file).stream().anyMatch(l -> l.strip().equals(BEGIN))) {
                    examples.add(ROOT.relativize(file).toString().replace('\\', '/'));
                }
            }
        }

        assertThat(examples).hasSizeGreaterThanOrEqualTo(4);
        assertThat(snippets().keySet()).containsAll(examples);
    }

    @Test
    void theImportsDropOnlyWhatTheSnippetDoesNotUse() {
        List<String> example = List.of("package p;", "", "import com.google.inject.Module;", "import java.util.List;",
                "", "class X {", "    // README-BEGIN", "    Module m;", "", "    Object o;", "    // README-END", "}");

        assertThat(expectedSnippet(example)).isEqualTo("import com.google.inject.Module;\n\nModule m;\n\nObject o;");
    }

    @Test
    void theCoordinatesInTheReadmeAreThisVersionsBom() throws Exception {
        String version = System.getProperty("project.version");
        assertThat(version).isNotBlank();

        assertThat(readme()).contains("<artifactId>powerauth-token-bom</artifactId>\n"
                + "      <version>" + version + "</version>");
        assertThat(Files.readString(ROOT.resolve("testkit").resolve("README.md")))
                .contains("<artifactId>powerauth-token-testkit</artifactId>\n  <version>" + version + "</version>");
    }

    @Test
    void theBomManagesEveryLibraryModuleAtThisVersionAndAlignsJna() throws Exception {
        Document bom = parse(ROOT.resolve("bom").resolve("pom.xml"));
        Document parent = parse(ROOT.resolve("pom.xml"));
        String version = System.getProperty("project.version");

        assertThat(text(bom, "version")).isEqualTo(version);
        assertThat(property(bom, "powerauth-token.version")).isEqualTo(version);
        assertThat(property(bom, "jna.version")).isEqualTo(property(parent, "jna.version"));
        Set<String> managed = new TreeSet<>();
        NodeList dependencies = bom.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            managed.add(childText(dependency, "groupId") + ":" + childText(dependency, "artifactId"));
        }
        Set<String> libraries = new TreeSet<>();
        for (String module : List.of("domain", "ports", "adapters-http", "adapters-storage", "app-wiring",
                "testkit")) {
            libraries.add("org.opentokens:" + text(parse(ROOT.resolve(module).resolve("pom.xml")), "artifactId"));
        }
        assertThat(managed).containsAll(libraries)
                .contains("net.java.dev.jna:jna", "net.java.dev.jna:jna-platform");
        NodeList plugins = bom.getElementsByTagName("plugin");
        assertThat(plugins.getLength()).isEqualTo(3);
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            String name = childText(plugin, "artifactId").replace("maven-", "").replace("-plugin", "");
            assertThat(childText(plugin, "version")).as(name).isEqualTo(property(parent, "plugin." + name + ".version"));
        }
    }

    @Test
    void theStorageAdapterDeclaresJnaPlatformSoThatConsumersGetItAtJnasVersion() throws Exception {
        Document storage = parse(ROOT.resolve("adapters-storage").resolve("pom.xml"));
        Set<String> declared = new TreeSet<>();
        NodeList dependencies = storage.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            declared.add(childText((Element) dependencies.item(i), "artifactId"));
        }

        assertThat(declared).contains("jna", "jna-platform", "java-keyring");
    }

    private static Document parse(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    /** @return the text of the project's own element (a direct child of {@code <project>}) */
    private static String text(Document pom, String name) {
        return childText(pom.getDocumentElement(), name);
    }

    private static String property(Document pom, String name) {
        Element properties = (Element) pom.getDocumentElement().getElementsByTagName("properties").item(0);
        return childText(properties, name);
    }

    private static String childText(Element parent, String name) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child && child.getTagName().equals(name)) {
                return child.getTextContent().strip();
            }
        }
        return null;
    }
}
