package io.colony.sandbox.internal.process.protocol;

/** What a frame carries, and which side sends it. Codes are part of the protocol: never renumber one. */
public enum FrameType {
    /** parent: run a prepared program on one input */
    RUN_REQUEST(1),
    /** parent: compile source */
    COMPILE_REQUEST(2),
    /** parent: stop the running program */
    CANCEL(3),

    /** child: progress of the program, a fraction */
    PROGRESS(16),
    /** child: one line the program logged */
    LOG(17),
    /** child: the cancel request arrived and the program was told to stop */
    CANCEL_ACK(18),
    /** child: the program's result; the last frame of a run */
    RESULT(19),
    /** child: the run or the compilation failed; the last frame */
    FAILURE(20),
    /** child: the compiled classes; the last frame of a compilation */
    COMPILED(21),
    /** child: the source does not compile; the last frame of a compilation */
    COMPILATION_FAILED(22);

    private final int code;

    FrameType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** Whether the child sends nothing after a frame of this type. */
    public boolean isFinal() {
        return this == RESULT || this == FAILURE || this == COMPILED || this == COMPILATION_FAILED;
    }

    /** @throws ProtocolException when no type has that code */
    public static FrameType ofCode(int code) throws ProtocolException {
        for (FrameType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        throw new ProtocolException("unknown frame type " + code);
    }
}
