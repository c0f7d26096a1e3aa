namespace Parity.Torch.Interop;

// Op codes of the native op families; the order mirrors the enums in runtime/native/src/ops.cpp.

internal enum BinaryOp
{
    Add, Sub, Mul, Div, Pow, Maximum, Minimum, Eq, Ne, Gt, Ge, Lt, Le, LogicalAnd, LogicalOr, RSub, RDiv,
}

internal enum UnaryOp
{
    Neg, Abs, Sqrt, Rsqrt, Exp, Log, Square, Sign, Erfinv, Relu, Relu6, Sigmoid, Tanh, IsNan, IsFinite,
    LogicalNot, Reciprocal, Floor, Ceil, Round,
}

internal enum ReductionOp
{
    Sum, Mean, Max, Min, Any, All, ArgMax, ArgMin,
}
