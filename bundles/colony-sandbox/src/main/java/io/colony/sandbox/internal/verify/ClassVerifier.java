package io.colony.sandbox.internal.verify;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.signature.SignatureReader;
import org.objectweb.asm.signature.SignatureVisitor;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.RecordComponentNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;

/** Checks one class of the source: its declaration, its members' types and every reference its code makes. */
final class ClassVerifier {

    static final String CLASS = "class";

    private static final List<String> RESERVED_PACKAGES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "io.colony.");
    private static final Set<String> BOOTSTRAPS = Set.of(
            "java/lang/invoke/StringConcatFactory.makeConcatWithConstants",
            "java/lang/invoke/LambdaMetafactory.metafactory",
            "java/lang/invoke/LambdaMetafactory.altMetafactory",
            "java/lang/runtime/ObjectMethods.bootstrap");
    private static final int FLAG_SERIALIZABLE = 1;

    private final ClassNode node;
    private final String className;
    private final ReferenceRules rules;
    private final Violations violations;

    ClassVerifier(ClassNode node, ReferenceRules rules, Violations violations) {
        this.node = node;
        this.className = ReferenceRules.binary(node.name);
        this.rules = rules;
        this.violations = violations;
    }

    void verify() {
        for (String reserved : RESERVED_PACKAGES) {
            if (className.startsWith(reserved)) {
                refuse(CLASS, className, "is in a package reserved for the JDK and Colony (" + reserved + "*); use a package of your own");
            }
        }
        if (node.superName != null) {
            typeName(CLASS, node.superName);
        }
        node.interfaces.forEach(type -> typeName(CLASS, type));
        signature(CLASS, node.signature);
        annotations(CLASS, node.visibleAnnotations);
        annotations(CLASS, node.invisibleAnnotations);
        annotations(CLASS, node.visibleTypeAnnotations);
        annotations(CLASS, node.invisibleTypeAnnotations);
        sourceClassesOnly("nest host", node.nestHostClass == null ? List.of() : List.of(node.nestHostClass));
        sourceClassesOnly("nest member", node.nestMembers);
        sourceClassesOnly("permitted subclass", node.permittedSubclasses);
        if (node.recordComponents != null) {
            for (RecordComponentNode component : node.recordComponents) {
                String location = "record component " + component.name;
                descriptor(location, Type.getType(component.descriptor));
                noClassObjects(location, Type.getType(component.descriptor));
                signature(location, component.signature);
                annotations(location, component.visibleAnnotations);
                annotations(location, component.invisibleAnnotations);
            }
        }
        for (FieldNode field : node.fields) {
            String location = "field " + field.name;
            descriptor(location, Type.getType(field.desc));
            noClassObjects(location, Type.getType(field.desc));
            signature(location, field.signature);
            annotations(location, field.visibleAnnotations);
            annotations(location, field.invisibleAnnotations);
            annotations(location, field.visibleTypeAnnotations);
            annotations(location, field.invisibleTypeAnnotations);
        }
        for (MethodNode method : node.methods) {
            method(method);
        }
    }

    private void method(MethodNode method) {
        String location = method.name + method.desc;
        if ((method.access & Opcodes.ACC_NATIVE) != 0) {
            refuse(location, "native", ReferenceRules.neverAllowed("native methods run code outside the JVM's checks"));
        }
        if (method.name.equals("finalize") && method.desc.equals("()V")) {
            refuse(location, "finalize()", ReferenceRules.neverAllowed("finalizers run on the JVM's finalizer thread, outside the limits of the run"));
        }
        descriptor(location, Type.getMethodType(method.desc));
        noClassObjects(location, Type.getMethodType(method.desc));
        method.exceptions.forEach(type -> typeName(location, type));
        signature(location, method.signature);
        annotations(location, method.visibleAnnotations);
        annotations(location, method.invisibleAnnotations);
        annotations(location, method.visibleTypeAnnotations);
        annotations(location, method.invisibleTypeAnnotations);
        parameterAnnotations(location, method.visibleParameterAnnotations);
        parameterAnnotations(location, method.invisibleParameterAnnotations);
        annotationValue(location, method.annotationDefault);
        for (TryCatchBlockNode block : method.tryCatchBlocks) {
            if (block.type != null) {
                typeName(location, block.type);
            }
        }
        for (AbstractInsnNode instruction : method.instructions) {
            instruction(location, instruction);
        }
    }

    private void instruction(String location, AbstractInsnNode instruction) {
        if (instruction instanceof TypeInsnNode) {
            typeName(location, ((TypeInsnNode) instruction).desc);
        } else if (instruction instanceof MultiANewArrayInsnNode) {
            typeName(location, ((MultiANewArrayInsnNode) instruction).desc);
        } else if (instruction instanceof FieldInsnNode) {
            FieldInsnNode field = (FieldInsnNode) instruction;
            member(location, field.owner, field.name, field.desc, true);
        } else if (instruction instanceof MethodInsnNode) {
            MethodInsnNode call = (MethodInsnNode) instruction;
            member(location, call.owner, call.name, call.desc, false);
        } else if (instruction instanceof InvokeDynamicInsnNode) {
            invokeDynamic(location, (InvokeDynamicInsnNode) instruction);
        } else if (instruction instanceof LdcInsnNode) {
            constant(location, ((LdcInsnNode) instruction).cst);
        } else if (instruction instanceof FrameNode) {
            FrameNode frame = (FrameNode) instruction;
            frameTypes(location, frame.local);
            frameTypes(location, frame.stack);
        } else if (instruction.getOpcode() == Opcodes.MONITORENTER) {
            refuse(location, "synchronized", ReferenceRules.neverAllowed(
                    "a synchronized block can lock an object that other tasks share (an interned string, a class) and block them"));
        }
    }

    private void constant(String location, Object constant) {
        if (constant instanceof Type) {
            Type type = (Type) constant;
            if (type.getSort() == Type.METHOD) {
                refuse(location, "MethodType " + type.getDescriptor(), ReferenceRules.neverAllowed("method type constants belong to method handles"));
            } else {
                descriptor(location, type);
            }
        } else if (constant instanceof Handle) {
            Handle handle = (Handle) constant;
            refuse(location, "MethodHandle " + handleReference(handle),
                    ReferenceRules.neverAllowed("method handle constants reach members outside the verifier's checks"));
        } else if (constant instanceof ConstantDynamic) {
            refuse(location, "dynamic constant " + ((ConstantDynamic) constant).getName(),
                    ReferenceRules.neverAllowed("dynamic constants run bootstrap methods"));
        }
    }

    private void invokeDynamic(String location, InvokeDynamicInsnNode call) {
        Handle bootstrap = call.bsm;
        String key = bootstrap.getOwner() + "." + bootstrap.getName();
        if (bootstrap.getTag() != Opcodes.H_INVOKESTATIC || !BOOTSTRAPS.contains(key)) {
            refuse(location, "invokedynamic " + handleReference(bootstrap), ReferenceRules.neverAllowed(
                    "invokedynamic may only use the bootstraps javac emits for string concatenation, lambdas and records"));
            return;
        }
        if (bootstrap.getName().equals("altMetafactory") && call.bsmArgs.length > 3 && call.bsmArgs[3] instanceof Integer
                && (((Integer) call.bsmArgs[3]) & FLAG_SERIALIZABLE) != 0) {
            refuse(location, "serializable lambda " + call.name, ReferenceRules.neverAllowed(
                    "serializable lambdas and method references are deserialized through reflection on private methods"));
        }
        descriptor(location, Type.getMethodType(call.desc));
        for (Object argument : call.bsmArgs) {
            if (argument instanceof Handle) {
                Handle handle = (Handle) argument;
                boolean field = handle.getTag() <= Opcodes.H_PUTSTATIC;
                member(location, handle.getOwner(), handle.getName(), handle.getDesc(), field);
            } else if (argument instanceof Type) {
                descriptor(location, (Type) argument);
            } else {
                constant(location, argument);
            }
        }
    }

    private static String handleReference(Handle handle) {
        return ReferenceRules.binary(handle.getOwner()) + "." + handle.getName() + handle.getDesc();
    }

    /** A field or method reference: its owner, the types of its descriptor, then the member itself. */
    private void member(String location, String owner, String name, String descriptor, boolean field) {
        boolean ownerAllowed = typeName(location, owner);
        descriptor(location, field ? Type.getType(descriptor) : Type.getMethodType(descriptor));
        if (!ownerAllowed) {
            return;
        }
        String memberOwner = owner;
        if (owner.startsWith("[")) {
            if (name.equals("clone")) {
                return;
            }
            memberOwner = "java/lang/Object";
        }
        String reference = ReferenceRules.binary(owner) + "." + name + (field ? "" : descriptor);
        rules.memberRefusal(memberOwner, name, descriptor, field).ifPresent(reason -> refuse(location, reference, reason));
    }

    /** A class named by its internal name or, for arrays, by its descriptor. @return whether it is allowed */
    private boolean typeName(String location, String name) {
        return descriptor(location, name.startsWith("[") ? Type.getType(name) : Type.getObjectType(name));
    }

    /** Every class in a type: the element of an array, the arguments and result of a method type. */
    private boolean descriptor(String location, Type type) {
        switch (type.getSort()) {
            case Type.ARRAY:
                return descriptor(location, type.getElementType());
            case Type.METHOD:
                boolean allowed = descriptor(location, type.getReturnType());
                for (Type argument : type.getArgumentTypes()) {
                    allowed &= descriptor(location, argument);
                }
                return allowed;
            case Type.OBJECT:
                Optional<String> refusal = rules.typeRefusal(type.getInternalName());
                refusal.ifPresent(reason -> refuse(location, ReferenceRules.binary(type.getInternalName()), reason));
                return refusal.isEmpty();
            default:
                return true;
        }
    }

    private void frameTypes(String location, List<Object> types) {
        if (types != null) {
            for (Object type : types) {
                if (type instanceof String) {
                    typeName(location, (String) type);
                }
            }
        }
    }

    /** The classes in a generic signature: a job's classes are given to the JSON codec, which reads them. */
    private void signature(String location, String signature) {
        if (signature == null) {
            return;
        }
        new SignatureReader(signature).accept(new SignatureVisitor(Opcodes.ASM9) {
            private String outer;

            @Override
            public void visitClassType(String name) {
                outer = name;
                typeName(location, name);
            }

            @Override
            public void visitInnerClassType(String name) {
                outer = outer + "$" + name;
                typeName(location, outer);
            }
        });
    }

    private void annotations(String location, List<? extends AnnotationNode> annotations) {
        if (annotations != null) {
            annotations.forEach(annotation -> annotation(location, annotation));
        }
    }

    private void parameterAnnotations(String location, List<AnnotationNode>[] parameters) {
        if (parameters != null) {
            for (List<AnnotationNode> annotations : parameters) {
                annotations(location, annotations);
            }
        }
    }

    private void annotation(String location, AnnotationNode annotation) {
        descriptor(location, Type.getType(annotation.desc));
        if (annotation.values != null) {
            for (int i = 1; i < annotation.values.size(); i += 2) {
                annotationValue(location, annotation.values.get(i));
            }
        }
    }

    private void annotationValue(String location, Object value) {
        if (value instanceof Type) {
            descriptor(location, (Type) value);
        } else if (value instanceof String[]) {
            descriptor(location, Type.getType(((String[]) value)[0]));
        } else if (value instanceof AnnotationNode) {
            annotation(location, (AnnotationNode) value);
        } else if (value instanceof List) {
            ((List<?>) value).forEach(element -> annotationValue(location, element));
        }
    }

    private void sourceClassesOnly(String what, List<String> names) {
        if (names != null) {
            for (String name : names) {
                if (!rules.isSourceClass(name)) {
                    refuse(CLASS, ReferenceRules.binary(name), ReferenceRules.neverAllowed("a " + what + " must be a class of the source"));
                }
            }
        }
    }

    /**
     * A class of the source may not declare a field, record component, parameter or return value of type
     * {@code java.lang.Class}: the JSON codec would fill one by loading (and initialising) the class its JSON names.
     */
    private void noClassObjects(String location, Type type) {
        if (type.getSort() == Type.METHOD) {
            noClassObjects(location, type.getReturnType());
            for (Type argument : type.getArgumentTypes()) {
                noClassObjects(location, argument);
            }
        } else if (type.getSort() == Type.ARRAY) {
            noClassObjects(location, type.getElementType());
        } else if (type.getSort() == Type.OBJECT && type.getInternalName().equals("java/lang/Class")) {
            refuse(location, "java.lang.Class", ReferenceRules.neverAllowed(
                    "a field, parameter or result of type Class could be filled from JSON, which loads and initialises the class it names"));
        }
    }

    private void refuse(String location, String reference, String reason) {
        violations.add(className, location, reference, reason);
    }
}
