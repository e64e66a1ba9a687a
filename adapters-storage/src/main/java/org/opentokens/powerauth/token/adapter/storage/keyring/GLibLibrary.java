package org.opentokens.powerauth.token.adapter.storage.keyring;

import com.sun.jna.Library;
import com.sun.jna.Pointer;

/** {@code g_error_free} from GLib (libsecret's errors) and {@code g_object_unref} from GObject. */
interface GLibLibrary extends Library {
    void g_error_free(Pointer error);

    /** In libgobject-2.0; loaded through a second instance of this interface. */
    void g_object_unref(Pointer object);
}
