package io.colony.sandbox.internal.instrument;

import io.colony.sandbox.internal.runtime.Guard;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

/** The guards added to one method. */
final class MethodInstrumentation {

    /** What the array pre-check charges per reference element (compressed references). */
    private static final int REFERENCE_BYTES = 4;

    private final MethodNode method;
    private final InsnList code;
    private final Map<LabelNode, Integer> positions = new HashMap<>();
    /** Guards at handler starts, each between two labels that no try-catch range may cover. */
    private final List<LabelNode[]> handlerGuards = new ArrayList<>();

    MethodInstrumentation(MethodNode method) {
        this.method = method;
        this.code = method.instructions;
    }

    void apply() {
        int index = 0;
        for (AbstractInsnNode instruction : code) {
            if (instruction instanceof LabelNode) {
                positions.put((LabelNode) instruction, index);
            }
            index++;
        }
        List<AbstractInsnNode> original = new ArrayList<>();
        code.forEach(original::add);
        index = 0;
        for (AbstractInsnNode instruction : original) {
            if (isBackwardJump(instruction, index)) {
                code.insertBefore(instruction, tick());
            }
            arrayCheck(instruction);
            index++;
        }
        Set<LabelNode> handlers = new LinkedHashSet<>();
        method.tryCatchBlocks.forEach(block -> handlers.add(block.handler));
        handlers.forEach(this::guardHandler);
        uncoverHandlerGuards();
        code.insert(tick());
    }

    private boolean isBackwardJump(AbstractInsnNode instruction, int index) {
        if (instruction instanceof JumpInsnNode) {
            return positions.get(((JumpInsnNode) instruction).label) <= index;
        }
        if (instruction instanceof TableSwitchInsnNode) {
            TableSwitchInsnNode table = (TableSwitchInsnNode) instruction;
            return positions.get(table.dflt) <= index || table.labels.stream().anyMatch(label -> positions.get(label) <= index);
        }
        if (instruction instanceof LookupSwitchInsnNode) {
            LookupSwitchInsnNode lookup = (LookupSwitchInsnNode) instruction;
            return positions.get(lookup.dflt) <= index || lookup.labels.stream().anyMatch(label -> positions.get(label) <= index);
        }
        return false;
    }

    private static MethodInsnNode tick() {
        return new MethodInsnNode(Opcodes.INVOKESTATIC, Guard.INTERNAL_NAME, Guard.TICK, Guard.TICK_DESCRIPTOR, false);
    }

    private void arrayCheck(AbstractInsnNode instruction) {
        int opcode = instruction.getOpcode();
        if (opcode == Opcodes.NEWARRAY) {
            code.insertBefore(instruction, singleArrayCheck(primitiveBytes(((IntInsnNode) instruction).operand)));
        } else if (opcode == Opcodes.ANEWARRAY) {
            code.insertBefore(instruction, singleArrayCheck(REFERENCE_BYTES));
        } else if (opcode == Opcodes.MULTIANEWARRAY) {
            MultiANewArrayInsnNode multi = (MultiANewArrayInsnNode) instruction;
            Type type = Type.getType(multi.desc);
            int elementBytes = multi.dims < type.getDimensions() ? REFERENCE_BYTES : elementBytes(type.getElementType());
            code.insertBefore(instruction, multiArrayCheck(multi.dims, elementBytes));
        }
    }

    /** The count is on the stack: {@code dup; push size; Guard.array}. */
    private static InsnList singleArrayCheck(int elementBytes) {
        InsnList check = new InsnList();
        check.add(new InsnNode(Opcodes.DUP));
        check.add(new LdcInsnNode(elementBytes));
        check.add(new MethodInsnNode(Opcodes.INVOKESTATIC, Guard.INTERNAL_NAME, Guard.ARRAY, Guard.ARRAY_DESCRIPTOR, false));
        return check;
    }

    /** The counts are on the stack: store them in fresh locals, pass them as an int[], load them back. */
    private InsnList multiArrayCheck(int dimensions, int elementBytes) {
        int first = method.maxLocals;
        method.maxLocals += dimensions;
        InsnList check = new InsnList();
        for (int i = dimensions - 1; i >= 0; i--) {
            check.add(new VarInsnNode(Opcodes.ISTORE, first + i));
        }
        check.add(new LdcInsnNode(dimensions));
        check.add(new IntInsnNode(Opcodes.NEWARRAY, Opcodes.T_INT));
        for (int i = 0; i < dimensions; i++) {
            check.add(new InsnNode(Opcodes.DUP));
            check.add(new LdcInsnNode(i));
            check.add(new VarInsnNode(Opcodes.ILOAD, first + i));
            check.add(new InsnNode(Opcodes.IASTORE));
        }
        check.add(new LdcInsnNode(elementBytes));
        check.add(new MethodInsnNode(Opcodes.INVOKESTATIC, Guard.INTERNAL_NAME, Guard.MULTI_ARRAY, Guard.MULTI_ARRAY_DESCRIPTOR, false));
        for (int i = 0; i < dimensions; i++) {
            check.add(new VarInsnNode(Opcodes.ILOAD, first + i));
        }
        return check;
    }

    private static int primitiveBytes(int arrayType) {
        switch (arrayType) {
            case Opcodes.T_BOOLEAN:
            case Opcodes.T_BYTE:
                return 1;
            case Opcodes.T_CHAR:
            case Opcodes.T_SHORT:
                return 2;
            case Opcodes.T_INT:
            case Opcodes.T_FLOAT:
                return 4;
            default:
                return 8;
        }
    }

    private static int elementBytes(Type element) {
        switch (element.getSort()) {
            case Type.BOOLEAN:
            case Type.BYTE:
                return 1;
            case Type.CHAR:
            case Type.SHORT:
                return 2;
            case Type.INT:
            case Type.FLOAT:
                return 4;
            case Type.LONG:
            case Type.DOUBLE:
                return 8;
            default:
                return REFERENCE_BYTES;
        }
    }

    /** At a handler's first instruction, the caught throwable is on the stack: {@code dup; Guard.caught}. */
    private void guardHandler(LabelNode handler) {
        AbstractInsnNode first = handler;
        while (first != null && first.getOpcode() < 0) {
            first = first.getNext();
        }
        LabelNode begin = new LabelNode();
        LabelNode end = new LabelNode();
        InsnList guard = new InsnList();
        guard.add(begin);
        guard.add(new InsnNode(Opcodes.DUP));
        guard.add(new MethodInsnNode(Opcodes.INVOKESTATIC, Guard.INTERNAL_NAME, Guard.CAUGHT, Guard.CAUGHT_DESCRIPTOR, false));
        guard.add(end);
        if (first == null) {
            code.add(guard);
        } else {
            code.insertBefore(first, guard);
        }
        handlerGuards.add(new LabelNode[] {begin, end});
    }

    /**
     * Cuts every try-catch range around the handler guards: a stop thrown by a guard must leave the method, not
     * enter a handler again (javac's handlers may cover their own first instructions).
     */
    private void uncoverHandlerGuards() {
        Map<AbstractInsnNode, Integer> index = new HashMap<>();
        int position = 0;
        for (AbstractInsnNode instruction : code) {
            index.put(instruction, position++);
        }
        List<TryCatchBlockNode> blocks = method.tryCatchBlocks;
        for (LabelNode[] guard : handlerGuards) {
            List<TryCatchBlockNode> cut = new ArrayList<>();
            for (TryCatchBlockNode block : blocks) {
                int start = index.get(block.start);
                int end = index.get(block.end);
                if (start <= index.get(guard[0]) && index.get(guard[1]) <= end) {
                    if (hasCode(block.start, guard[0])) {
                        cut.add(new TryCatchBlockNode(block.start, guard[0], block.handler, block.type));
                    }
                    if (hasCode(guard[1], block.end)) {
                        cut.add(new TryCatchBlockNode(guard[1], block.end, block.handler, block.type));
                    }
                } else {
                    cut.add(block);
                }
            }
            blocks = cut;
        }
        method.tryCatchBlocks = blocks;
    }

    private static boolean hasCode(AbstractInsnNode from, AbstractInsnNode to) {
        for (AbstractInsnNode instruction = from; instruction != null && instruction != to; instruction = instruction.getNext()) {
            if (instruction.getOpcode() >= 0) {
                return true;
            }
        }
        return false;
    }
}
