package org.opentokens.powerauth.token.adapter.storage.keyring;

import com.sun.jna.Library;
import com.sun.jna.Pointer;

/** {@code g_error_free} from GLib, which libsecret reports its errors with. */
interface GLibLibrary extends Library {
    void g_error_free(Pointer error);
}
