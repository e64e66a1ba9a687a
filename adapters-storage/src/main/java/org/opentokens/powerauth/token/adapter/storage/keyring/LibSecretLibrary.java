package org.opentokens.powerauth.token.adapter.storage.keyring;

import com.sun.jna.Library;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.NativeLongByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The few libsecret-1 (0.19+) functions the Linux back-end calls: the binary password API, so secrets stay
 * bytes, and the error quark. Attribute lists are varargs of name/value strings ended by {@code null}.
 */
interface LibSecretLibrary extends Library {
    /** {@code SECRET_ERROR_IS_LOCKED}. */
    int SECRET_ERROR_IS_LOCKED = 2;
    /** {@code SECRET_ERROR_NO_SUCH_OBJECT}. */
    int SECRET_ERROR_NO_SUCH_OBJECT = 3;

    boolean secret_password_store_binary_sync(Pointer schema, String collection, String label, Pointer value,
            Pointer cancellable, PointerByReference error, Object... attributes);

    Pointer secret_password_lookup_binary_sync(Pointer schema, Pointer cancellable, PointerByReference error,
            Object... attributes);

    boolean secret_password_clear_sync(Pointer schema, Pointer cancellable, PointerByReference error,
            Object... attributes);

    Pointer secret_value_new(Pointer secret, NativeLong length, String contentType);

    Pointer secret_value_get(Pointer value, NativeLongByReference length);

    void secret_value_unref(Pointer value);

    int secret_error_get_quark();

    Pointer secret_service_get_sync(int flags, Pointer cancellable, PointerByReference error);

    Pointer secret_collection_for_alias_sync(Pointer service, String alias, int flags, Pointer cancellable,
            PointerByReference error);

    boolean secret_collection_get_locked(Pointer collection);
}
