package org.opentokens.powerauth.token.adapter.storage.internal.keyring;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/**
 * libsecret's {@code SecretSchema}: a name, flags, 32 attribute slots and reserved fields. Written to native
 * memory once and then passed by pointer, never rewritten, so concurrent calls can share it.
 */
@Structure.FieldOrder({"name", "flags", "attributes", "reserved", "reserved1", "reserved2", "reserved3",
    "reserved4", "reserved5", "reserved6", "reserved7"})
public final class SecretSchemaStruct extends Structure {
    /** {@code SECRET_SCHEMA_ATTRIBUTE_STRING}. */
    static final int ATTRIBUTE_STRING = 0;

    public String name;
    public int flags;
    public Attribute[] attributes = (Attribute[]) new Attribute().toArray(32);
    public int reserved;
    public Pointer reserved1;
    public Pointer reserved2;
    public Pointer reserved3;
    public Pointer reserved4;
    public Pointer reserved5;
    public Pointer reserved6;
    public Pointer reserved7;

    /** {@code SecretSchemaAttribute}: a name and a type. */
    @Structure.FieldOrder({"name", "type"})
    public static final class Attribute extends Structure {
        public String name;
        public int type;
    }

    /**
     * @param name the schema name
     * @param attributeNames the string attributes
     * @return the schema, public for the keyring adapter's libsecret calls
     */
    public static SecretSchemaStruct of(String name, String... attributeNames) {
        SecretSchemaStruct schema = new SecretSchemaStruct();
        schema.name = name;
        schema.flags = 0;
        for (int i = 0; i < attributeNames.length; i++) {
            schema.attributes[i].name = attributeNames[i];
            schema.attributes[i].type = ATTRIBUTE_STRING;
        }
        schema.setAutoSynch(false);
        schema.write();
        return schema;
    }
}
