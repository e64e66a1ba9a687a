package org.opentokens.powerauth.token.apibaseline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The public API of a set of classes as stable text: one line per public type (modifiers, generic signature with
 * bounds, supertypes), then one indented line per public or protected field, constructor and method
 * ({@code toGenericString}: modifiers, generics, throws), all sorted. Types in a package with the segment
 * {@code internal}, and types not visible from outside their package, are left out.
 */
public final class PublicApiListing {
    private PublicApiListing() {
    }

    /**
     * @param classesDir a module's compiled classes, e.g. {@code target/classes}
     * @return the classes of its API packages, loaded without initialisation
     */
    public static List<Class<?>> apiClassesIn(Path classesDir) {
        try (Stream<Path> files = Files.walk(classesDir)) {
            List<String> names = files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> classesDir.relativize(f).toString().replace('\\', '/'))
                    .filter(n -> !n.endsWith("package-info.class") && !n.endsWith("module-info.class"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                    .filter(n -> !isInternal(n))
                    .sorted()
                    .toList();
            List<Class<?>> classes = new ArrayList<>();
            for (String name : names) {
                classes.add(Class.forName(name, false, PublicApiListing.class.getClassLoader()));
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("a compiled class is not on the test class path", e);
        }
    }

    /**
     * @param classes the candidate types (non-public and internal ones are skipped)
     * @return the listing, one line per element
     */
    public static List<String> list(Collection<Class<?>> classes) {
        List<String> lines = new ArrayList<>();
        classes.stream().filter(PublicApiListing::isApi)
                .sorted(Comparator.comparing(Class::getName))
                .forEach(type -> {
                    lines.add(header(type));
                    members(type).forEach(m -> lines.add("  " + m));
                });
        return lines;
    }

    static boolean isInternal(String className) {
        String pkg = className.contains(".") ? className.substring(0, className.lastIndexOf('.')) : "";
        return Arrays.asList(pkg.split("\\.")).contains("internal");
    }

    private static boolean isApi(Class<?> type) {
        if (type.isSynthetic() || type.isAnonymousClass() || type.isLocalClass() || isInternal(type.getName())) {
            return false;
        }
        for (Class<?> c = type; c != null; c = c.getDeclaringClass()) {
            if (!Modifier.isPublic(c.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static String header(Class<?> type) {
        StringBuilder text = new StringBuilder(type.toGenericString());
        Type superclass = type.getGenericSuperclass();
        if (superclass != null && superclass != Object.class && !type.isEnum() && !type.isRecord()) {
            text.append(" extends ").append(superclass.getTypeName());
        }
        Type[] interfaces = type.getGenericInterfaces();
        if (interfaces.length > 0) {
            text.append(type.isInterface() ? " extends " : " implements ").append(Arrays.stream(interfaces)
                    .map(Type::getTypeName).sorted().collect(Collectors.joining(", ")));
        }
        return text.toString();
    }

    private static List<String> members(Class<?> type) {
        List<AccessibleObject> members = new ArrayList<>();
        members.addAll(Arrays.asList(type.getDeclaredFields()));
        members.addAll(Arrays.asList(type.getDeclaredConstructors()));
        members.addAll(Arrays.asList(type.getDeclaredMethods()));
        members.addAll(inheritedFromHidden(type));
        return members.stream().filter(m -> visible((Member) m))
                .map(PublicApiListing::describe).sorted().toList();
    }

    /**
     * Public members a host reaches through {@code type} although a superclass that is not itself listed declares
     * them (a package-private or internal base class): they are API all the same.
     */
    private static List<AccessibleObject> inheritedFromHidden(Class<?> type) {
        List<AccessibleObject> inherited = new ArrayList<>();
        for (Class<?> s = type.getSuperclass(); s != null && s != Object.class && !isApi(s); s = s.getSuperclass()) {
            for (Field field : s.getDeclaredFields()) {
                if (Modifier.isPublic(field.getModifiers())) {
                    inherited.add(field);
                }
            }
            for (Method method : s.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
                        && reachedThrough(type, method)) {
                    inherited.add(method);
                }
            }
        }
        return inherited;
    }

    /** Whether no class between {@code type} and the method's class overrides it (access bridges do not count). */
    private static boolean reachedThrough(Class<?> type, Method method) {
        for (Class<?> c = type; c != method.getDeclaringClass(); c = c.getSuperclass()) {
            for (Method own : c.getDeclaredMethods()) {
                if (!own.isBridge() && !own.isSynthetic() && own.getName().equals(method.getName())
                        && Arrays.equals(own.getParameterTypes(), method.getParameterTypes())) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean visible(Member member) {
        if (member.isSynthetic() || member instanceof Method m && m.isBridge()) {
            return false;
        }
        int modifiers = member.getModifiers();
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers)
                || member.getDeclaringClass().isInterface() && !Modifier.isPrivate(modifiers);
    }

    private static String describe(AccessibleObject member) {
        if (member instanceof Field f) {
            return f.toGenericString();
        }
        if (member instanceof Constructor<?> c) {
            return c.toGenericString();
        }
        return ((Method) member).toGenericString();
    }
}
