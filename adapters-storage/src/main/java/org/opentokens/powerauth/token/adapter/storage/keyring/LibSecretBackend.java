package org.opentokens.powerauth.token.adapter.storage.keyring;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.NativeLongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.opentokens.powerauth.token.adapter.storage.internal.keyring.SecretSchemaStruct;
import org.opentokens.powerauth.token.domain.error.StorageException;
import org.opentokens.powerauth.token.domain.error.StorageLockedException;
import org.opentokens.powerauth.token.domain.error.StorageUnavailableException;

/**
 * Linux back-end: the Secret Service through libsecret-1 via JNA, items in the default collection under this
 * library's schema ({@value #SCHEMA}) with binary values, so no secret passes through a Java string. Every call runs
 * through {@link KeyringCalls} with a timeout. A locked collection is {@link StorageLockedException}; everything else
 * (no session bus, service, collection or library) is {@link StorageUnavailableException} with libsecret's message.
 */
final class LibSecretBackend implements KeyringBackend {
    static final String SCHEMA = "org.opentokens.powerauth.token.Storage";
    private static final String LIBSECRET = "libsecret-1.so.0";
    private static final String GLIB = "libglib-2.0.so.0";
    private static final String GOBJECT = "libgobject-2.0.so.0";
    private static final String CONTENT_TYPE = "application/octet-stream";
    private static final SecretSchemaStruct SCHEMA_STRUCT = SecretSchemaStruct.of(SCHEMA, "service", "account");

    private final LibSecretLibrary secret;
    private final GLibLibrary glib;
    private final GLibLibrary gobject;
    private final int secretErrorDomain;
    private final String service;
    private final Duration timeout;

    private LibSecretBackend(LibSecretLibrary secret, GLibLibrary glib, GLibLibrary gobject, String service,
            Duration timeout) {
        this.secret = secret;
        this.glib = glib;
        this.gobject = gobject;
        this.secretErrorDomain = secret.secret_error_get_quark();
        this.service = service;
        this.timeout = timeout;
    }

    static LibSecretBackend load(String service, Duration timeout) {
        return load(service, LIBSECRET, timeout);
    }

    /** @param library the libsecret file name to load (tests pass a missing one) */
    static LibSecretBackend load(String service, String library, Duration timeout) {
        if (!sessionBusConceivable(System.getenv())) {
            throw new StorageUnavailableException("no D-Bus session bus: DBUS_SESSION_BUS_ADDRESS is unset, there is no"
                    + " $XDG_RUNTIME_DIR/bus socket and no DISPLAY to autolaunch one");
        }
        Libraries libraries = Libraries.get(library);
        return new LibSecretBackend(libraries.secret, libraries.glib, libraries.gobject, service, timeout);
    }

    /**
     * The native libraries, loaded once per JVM and never released: JNA unloads a library whose last proxy is
     * garbage collected, and libsecret's GObject types cannot survive an unload and reload (the second
     * registration fails and its type initialisation then blocks forever).
     */
    private static final class Libraries {
        private static final Map<String, Libraries> LOADED = new HashMap<>();

        final LibSecretLibrary secret;
        final GLibLibrary glib;
        final GLibLibrary gobject;

        private Libraries(LibSecretLibrary secret, GLibLibrary glib, GLibLibrary gobject) {
            this.secret = secret;
            this.glib = glib;
            this.gobject = gobject;
        }

        static synchronized Libraries get(String library) {
            Libraries loaded = LOADED.get(library);
            if (loaded != null) {
                return loaded;
            }
            Map<String, Object> options = Map.of(Library.OPTION_STRING_ENCODING, "UTF-8");
            try {
                loaded = new Libraries(Native.load(library, LibSecretLibrary.class, options),
                        Native.load(GLIB, GLibLibrary.class, options), Native.load(GOBJECT, GLibLibrary.class, options));
            } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
                throw new StorageUnavailableException("libsecret (package libsecret-1-0) cannot be loaded", e);
            }
            LOADED.put(library, loaded);
            return loaded;
        }
    }

    /**
     * GLib finds the session bus through {@code DBUS_SESSION_BUS_ADDRESS}, then {@code $XDG_RUNTIME_DIR/bus},
     * then X11 autolaunch. When none can work, libsecret is not touched at all: its start-up on that path was
     * seen to deadlock in type registration (libsecret 0.20.5).
     */
    static boolean sessionBusConceivable(Map<String, String> env) {
        String address = env.get("DBUS_SESSION_BUS_ADDRESS");
        if (address != null && !address.isBlank()) {
            return true;
        }
        String runtime = env.get("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank() && Files.exists(Path.of(runtime, "bus"))) {
            return true;
        }
        String display = env.get("DISPLAY");
        return display != null && !display.isBlank();
    }

    @Override
    public int maxItemBytes() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Optional<byte[]> read(String account) {
        return KeyringCalls.run("read", timeout, () -> readNow(account));
    }

    @Override
    public void write(String account, String label, byte[] value) {
        KeyringCalls.run("write", timeout, () -> {
            writeNow(account, label, value);
            return null;
        });
    }

    @Override
    public boolean delete(String account) {
        return KeyringCalls.run("delete", timeout, () -> deleteNow(account));
    }

    private Optional<byte[]> readNow(String account) {
        PointerByReference error = new PointerByReference();
        Pointer value = secret.secret_password_lookup_binary_sync(SCHEMA_STRUCT.getPointer(), null, error,
                "service", service, "account", account, null);
        if (value == null) {
            throwIfError(error, "read");
            checkDefaultCollectionUsable();
            return Optional.empty();
        }
        try {
            NativeLongByReference length = new NativeLongByReference();
            Pointer bytes = secret.secret_value_get(value, length);
            return Optional.of(bytes.getByteArray(0, Math.toIntExact(length.getValue().longValue())));
        } finally {
            secret.secret_value_unref(value);
        }
    }

    private void writeNow(String account, String label, byte[] value) {
        Memory memory = new Memory(Math.max(1, value.length));
        Pointer secretValue;
        try {
            memory.write(0, value, 0, value.length);
            secretValue = secret.secret_value_new(memory, new NativeLong(value.length), CONTENT_TYPE);
        } finally {
            memory.clear();
            memory.close();
        }
        try {
            PointerByReference error = new PointerByReference();
            boolean stored = secret.secret_password_store_binary_sync(SCHEMA_STRUCT.getPointer(), null, label,
                    secretValue, null, error, "service", service, "account", account, null);
            if (!stored) {
                throwIfError(error, "write");
                throw new StorageUnavailableException("keychain write failed without a reason");
            }
        } finally {
            secret.secret_value_unref(secretValue);
        }
    }

    private boolean deleteNow(String account) {
        PointerByReference error = new PointerByReference();
        boolean removed = secret.secret_password_clear_sync(SCHEMA_STRUCT.getPointer(), null, error,
                "service", service, "account", account, null);
        if (!removed) {
            throwIfError(error, "delete");
        }
        return removed;
    }

    /**
     * A lookup that finds nothing is only "absent" if the default collection is there and unlocked: libsecret
     * does not report items it could not unlock, so a locked keychain would otherwise look empty.
     */
    private void checkDefaultCollectionUsable() {
        PointerByReference error = new PointerByReference();
        Pointer service = secret.secret_service_get_sync(0, null, error);
        if (service == null) {
            throwIfError(error, "read");
            throw new StorageUnavailableException("Secret Service unavailable (read)");
        }
        try {
            Pointer collection = secret.secret_collection_for_alias_sync(service, "default", 0, null, error);
            if (collection == null) {
                throwIfError(error, "read");
                throw new StorageUnavailableException("keychain has no default collection (read)");
            }
            try {
                if (secret.secret_collection_get_locked(collection)) {
                    throw new StorageLockedException("keychain collection is locked (read)");
                }
            } finally {
                gobject.g_object_unref(collection);
            }
        } finally {
            gobject.g_object_unref(service);
        }
    }

    private void throwIfError(PointerByReference error, String action) {
        Pointer gerror = error.getValue();
        if (gerror == null) {
            return;
        }
        int domain = gerror.getInt(0);
        int code = gerror.getInt(4);
        Pointer messagePointer = gerror.getPointer(8);
        String message = messagePointer == null ? "(no message)" : messagePointer.getString(0, "UTF-8");
        glib.g_error_free(gerror);
        throw classify(action, domain == secretErrorDomain, code, message);
    }

    static StorageException classify(String action, boolean secretDomain, int code, String message) {
        LibSecretError cause = new LibSecretError(message);
        if (secretDomain && code == LibSecretLibrary.SECRET_ERROR_IS_LOCKED) {
            return new StorageLockedException("keychain collection is locked (" + action + ")", cause);
        }
        if (secretDomain && code == LibSecretLibrary.SECRET_ERROR_NO_SUCH_OBJECT) {
            return new StorageUnavailableException("keychain has no default collection (" + action + "): " + message, cause);
        }
        return new StorageUnavailableException("Secret Service unavailable (" + action + "): " + message, cause);
    }

    @Override
    public String toString() {
        return "LibSecretBackend[" + service + "]";
    }
}
