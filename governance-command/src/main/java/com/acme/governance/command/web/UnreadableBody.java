package com.acme.governance.command.web;

import com.acme.governance.api.problem.PayloadTooLargeException;
import com.acme.governance.api.problem.ProblemTypes;
import com.acme.governance.edge.problem.FieldProblem;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A body the strict reader refused, as a problem naming the offending field: {@code outputPorts[0].kind}, or
 * {@code body} when the fault is the body as a whole (not JSON, nested too deep, ...).
 */
final class UnreadableBody {

    static final String WHOLE_BODY = "body";

    private UnreadableBody() {
    }

    static ProblemDetail problem(HttpMessageNotReadableException e) {
        if (causeOf(e, PayloadTooLargeException.class) instanceof PayloadTooLargeException tooLarge) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.getMessage());
            problem.setType(ProblemTypes.PAYLOAD_TOO_LARGE);
            problem.setTitle(HttpStatus.PAYLOAD_TOO_LARGE.getReasonPhrase());
            return problem;
        }
        FieldProblem error = fieldError(e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                error.field().equals(WHOLE_BODY) ? "The request body is not acceptable JSON" : "The request body is invalid");
        problem.setType(ProblemTypes.INVALID_INPUT);
        problem.setTitle(HttpStatus.BAD_REQUEST.getReasonPhrase());
        problem.setProperty("errors", List.of(error));
        return problem;
    }

    private static FieldProblem fieldError(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (!(cause instanceof JacksonException)) {
            return new FieldProblem(WHOLE_BODY, e.getCause() == null ? "is missing" : "is not readable");
        }
        String field = field(cause);
        return new FieldProblem(field, message(cause));
    }

    /** The parser's position is the most precise (it knows a key inside a schema); the binding path comes next. */
    private static String field(Throwable cause) {
        StreamReadException read = (StreamReadException) causeOf(cause, StreamReadException.class);
        JsonParser parser = read == null ? null : read.getProcessor();
        if (parser != null) {
            String fromParser = path(parser.getParsingContext());
            if (!fromParser.isEmpty()) {
                return fromParser;
            }
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
        }
        return WHOLE_BODY;
    }

    private static String path(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.getCurrentName() != null) {
                parts.push("." + c.getCurrentName());
            }
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    private static String message(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException) {
            return "is not a field of this request";
        }
        if (cause instanceof InvalidNullException) {
            return "must not be null";
        }
        if (cause instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return "must be one of " + List.of(format.getTargetType().getEnumConstants());
        }
        if (cause instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be " + expected(mismatch.getTargetType());
        }
        Throwable root = causeOf(cause, StreamReadException.class);
        if (causeOf(cause, StreamConstraintsException.class) instanceof StreamConstraintsException limit) {
            return "exceeds a limit of the request format: " + firstSentence(limit.getOriginalMessage());
        }
        if (root instanceof InputCoercionException) {
            return "is out of range";
        }
        if (root instanceof StreamReadException parse && parse.getOriginalMessage() != null
                && parse.getOriginalMessage().startsWith("Duplicate field")) {
            return "is given more than once";
        }
        return "is not well-formed JSON";
    }

    private static String expected(Class<?> type) {
        if (type == String.class) {
            return "a JSON string";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a JSON integer";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + List.of(type.getEnumConstants());
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a JSON array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a JSON object";
        }
        return "of another JSON type";
    }

    /** Jackson's message, without its hint at its own configuration. */
    private static String firstSentence(String message) {
        if (message == null) {
            return "too large";
        }
        int hint = message.indexOf(" (");
        return hint > 0 ? message.substring(0, hint) : message;
    }

    private static Throwable causeOf(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
