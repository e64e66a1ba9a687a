package org.opentokens.powerauth.token.adapter.http.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.port.internal.out.JsonCodec;

/**
 * Reads one JSON object into the {@link JsonCodec} value model. Jackson's exceptions quote the input, so they are
 * never passed on: the {@link MalformedDataException} says what is wrong and where, and has no cause.
 */
final class JsonValueReader {
    private final JsonParser parser;

    private JsonValueReader(JsonParser parser) {
        this.parser = parser;
    }

    static Map<String, Object> read(JsonFactory factory, byte[] json) {
        try (JsonParser parser = factory.createParser(json)) {
            JsonValueReader reader = new JsonValueReader(parser);
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new MalformedDataException("JSON input is empty");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new MalformedDataException("JSON top-level value must be an object");
            }
            Map<String, Object> object = reader.readObject(1);
            if (parser.nextToken() != null) {
                throw new MalformedDataException("JSON has content after the top-level object");
            }
            return object;
        } catch (StreamConstraintsException e) {
            throw new MalformedDataException("JSON exceeds a parser limit" + where(e.getLocation()));
        } catch (NumberFormatException e) {
            // Jackson reports a number it cannot represent (e.g. an exponent beyond BigDecimal's range) this way.
            throw new MalformedDataException("JSON has a number out of range");
        } catch (JsonParseException e) {
            String original = e.getOriginalMessage();
            if (original != null && original.startsWith("Duplicate field")) {
                throw new MalformedDataException("JSON object has a duplicate key" + where(e.getLocation()));
            }
            throw new MalformedDataException("JSON syntax is invalid" + where(e.getLocation()));
        } catch (IOException e) {
            throw new MalformedDataException("JSON input is not valid UTF-8 JSON");
        }
    }

    private Map<String, Object> readObject(int depth) throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
            String key = parser.currentName();
            if (map.containsKey(key)) {
                throw new MalformedDataException("JSON object has a duplicate key" + where(parser.currentLocation()));
            }
            map.put(key, readValue(parser.nextToken(), depth));
        }
        return Collections.unmodifiableMap(map);
    }

    private List<Object> readArray(int depth) throws IOException {
        List<Object> list = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            list.add(readValue(t, depth));
        }
        return Collections.unmodifiableList(list);
    }

    private Object readValue(JsonToken token, int parentDepth) throws IOException {
        switch (token) {
            case START_OBJECT:
                return readObject(checkDepth(parentDepth + 1));
            case START_ARRAY:
                return readArray(checkDepth(parentDepth + 1));
            case VALUE_STRING:
                return parser.getText();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            case VALUE_NUMBER_INT:
                return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? parser.getBigIntegerValue() : (Object) parser.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return parser.getDecimalValue();
            default:
                throw new MalformedDataException("JSON syntax is invalid" + where(parser.currentLocation()));
        }
    }

    private int checkDepth(int depth) {
        if (depth > JsonCodec.MAX_DEPTH) {
            throw new MalformedDataException("JSON nesting is deeper than " + JsonCodec.MAX_DEPTH);
        }
        return depth;
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
