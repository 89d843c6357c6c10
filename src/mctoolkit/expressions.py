"""The small, safe expression language of computed values and conditions.

Expressions are parsed once, at build time, into a JSON-ready tree that the page
carries; the browser evaluates that tree and never parses text. Nothing here calls
`eval`. `evaluate` is the reference implementation the browser's evaluator is
tested against (see `tests/expressions/cases.yml`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

Node = dict[str, Any]

NUMBER, TEXT, BOOL, LIST, TABLE = "number", "text", "bool", "list", "table"
NUMBER_COLUMN, TEXT_COLUMN = "number column", "text column"
ROW_COLUMN = "column of rows chosen from another worksheet"
"""A choice column with options_from_answers: its answers are row ids; unchosen() reads it."""

COMPARISONS = ("==", "!=", "<=", ">=", "<", ">")
_TOKEN = re.compile(
    r"\s*(?:(?P<number>\d+(?:\.\d+)?)|(?P<string>\"[^\"\\]*\"|'[^'\\]*')"
    r"|(?P<name>[a-z][a-z0-9_]*)|(?P<symbol>==|!=|<=|>=|[-+*/(),.<>]))"
)
KEYWORDS = {"and", "or", "not", "true", "false"}
MAX_LENGTH = 2000


class ExpressionError(ValueError):
    """A mistake in an expression, said in words a partner understands."""


@dataclass(frozen=True)
class Token:
    kind: str
    text: str
    position: int


def tokenize(source: str) -> list[Token]:
    if len(source) > MAX_LENGTH:
        raise ExpressionError(f"longer than {MAX_LENGTH} characters")
    tokens: list[Token] = []
    position = 0
    while position < len(source):
        if source[position:].strip() == "":
            break
        match = _TOKEN.match(source, position)
        if not match:
            raise ExpressionError(
                f"unexpected '{source[position:].strip()[0]}' at column {position + 1}"
            )
        kind = match.lastgroup or "symbol"
        tokens.append(Token(kind, match.group(kind), match.start(kind)))
        position = match.end()
    tokens.append(Token("end", "", len(source)))
    return tokens


class _Parser:
    def __init__(self, source: str) -> None:
        self.tokens = tokenize(source)
        self.index = 0
        self.depth = 0

    @property
    def token(self) -> Token:
        return self.tokens[self.index]

    def take(self, text: str | None = None) -> Token:
        token = self.token
        if text is not None and token.text != text:
            found = f"'{token.text}'" if token.text else "the end"
            raise ExpressionError(
                f"expected '{text}' but found {found} at column {token.position + 1}"
            )
        self.index += 1
        return token

    def parse(self) -> Node:
        node = self.disjunction()
        if self.token.kind != "end":
            raise ExpressionError(
                f"unexpected '{self.token.text}' at column {self.token.position + 1}"
            )
        return node

    def disjunction(self) -> Node:
        node = self.conjunction()
        while self.token.text == "or":
            self.take()
            node = {"op": "or", "a": [node, self.conjunction()]}
        return node

    def conjunction(self) -> Node:
        node = self.negation()
        while self.token.text == "and":
            self.take()
            node = {"op": "and", "a": [node, self.negation()]}
        return node

    def negation(self) -> Node:
        if self.token.text == "not":
            self.take()
            return {"op": "not", "a": [self.negation()]}
        return self.comparison()

    def comparison(self) -> Node:
        node = self.sum()
        if self.token.text in COMPARISONS:
            operator = self.take().text
            node = {"op": operator, "a": [node, self.sum()]}
            if self.token.text in COMPARISONS:
                raise ExpressionError("comparisons cannot be chained; join them with 'and'")
        return node

    def sum(self) -> Node:
        node = self.product()
        while self.token.text in ("+", "-"):
            operator = self.take().text
            node = {"op": operator, "a": [node, self.product()]}
        return node

    def product(self) -> Node:
        node = self.unary()
        while self.token.text in ("*", "/"):
            operator = self.take().text
            node = {"op": operator, "a": [node, self.unary()]}
        return node

    def unary(self) -> Node:
        if self.token.text == "-":
            self.take()
            return {"op": "neg", "a": [self.unary()]}
        return self.primary()

    def primary(self) -> Node:
        self.depth += 1
        if self.depth > 50:
            raise ExpressionError("nested too deeply")
        try:
            return self._primary()
        finally:
            self.depth -= 1

    def _primary(self) -> Node:
        token = self.token
        if token.kind == "number":
            self.take()
            return {"n": float(token.text) if "." in token.text else int(token.text)}
        if token.kind == "string":
            self.take()
            return {"s": token.text[1:-1]}
        if token.text in ("true", "false"):
            self.take()
            return {"b": token.text == "true"}
        if token.text == "(":
            self.take()
            node = self.disjunction()
            self.take(")")
            return node
        if token.kind == "name" and token.text not in KEYWORDS:
            self.take()
            if self.token.text == "(":
                return self.call(token)
            if self.token.text == ".":
                self.take()
                column = self.token
                if column.kind != "name":
                    raise ExpressionError(f"expected a column id after '{token.text}.'")
                self.take()
                return {"col": [token.text, column.text]}
            return {"ref": token.text}
        found = f"'{token.text}'" if token.text else "the end"
        raise ExpressionError(f"expected a value but found {found} at column {token.position + 1}")

    def call(self, name: Token) -> Node:
        if name.text not in FUNCTIONS:
            known = ", ".join(sorted(FUNCTIONS))
            raise ExpressionError(f"unknown function '{name.text}' (known: {known})")
        self.take("(")
        arguments: list[Node] = []
        if self.token.text != ")":
            arguments.append(self.disjunction())
            while self.token.text == ",":
                self.take()
                arguments.append(self.disjunction())
        self.take(")")
        return {"fn": name.text, "a": arguments}


def parse(source: str) -> Node:
    """Parse `source` into its tree, or raise ExpressionError."""
    return _Parser(source).parse()


def references(node: Node) -> set[str]:
    """Every field id the tree reads (a column reference reads its table)."""
    found: set[str] = set()
    if "ref" in node:
        found.add(node["ref"])
    if "col" in node:
        found.add(node["col"][0])
    for child in node.get("a", []):
        found |= references(child)
    return found


# --- Types ---------------------------------------------------------------------------------

Typer = Callable[[str], str | None]
"""Returns the type of a field id, or None when no such field exists."""
ColumnTyper = Callable[[str, str], str | None]

_ARITY: dict[str, tuple[int, int]] = {
    "sum": (1, 1),
    "avg": (1, 1),
    "count": (1, 1),
    "min": (1, 20),
    "max": (1, 20),
    "round": (1, 2),
    "floor": (1, 1),
    "ceil": (1, 1),
    "abs": (1, 1),
    "if": (2, 3),
    "answered": (1, 1),
    "has": (2, 2),
    "unchosen": (1, 1),
}
FUNCTIONS = frozenset(_ARITY)


def check(node: Node, field_type: Typer, column_type: ColumnTyper) -> str:
    """Return the type of the tree; raise ExpressionError for a wrong name or type."""
    if "n" in node:
        return NUMBER
    if "s" in node:
        return TEXT
    if "b" in node:
        return BOOL
    if "ref" in node:
        kind = field_type(node["ref"])
        if kind is None:
            raise ExpressionError(f"no field '{node['ref']}' in this worksheet")
        return kind
    if "col" in node:
        table, column = node["col"]
        if field_type(table) is None:
            raise ExpressionError(f"no field '{table}' in this worksheet")
        kind = column_type(table, column)
        if kind is None:
            raise ExpressionError(f"'{table}' has no column '{column}'")
        return kind
    arguments = [check(child, field_type, column_type) for child in node["a"]]
    if "op" in node:
        return _check_operator(node["op"], arguments)
    return _check_call(node["fn"], arguments)


def _need(actual: str, *expected: str, what: str) -> None:
    if actual not in expected:
        raise ExpressionError(f"{what} needs {' or '.join(expected)}, not {actual}")


def _check_operator(operator: str, arguments: list[str]) -> str:
    if operator in ("+", "-", "*", "/", "neg"):
        for kind in arguments:
            _need(kind, NUMBER, what=f"'{'-' if operator == 'neg' else operator}'")
        return NUMBER
    if operator in ("and", "or", "not"):
        for kind in arguments:
            _need(kind, BOOL, what=f"'{operator}'")
        return BOOL
    left, right = arguments
    if operator in ("<", "<=", ">", ">="):
        _need(left, NUMBER, what=f"'{operator}'")
        _need(right, NUMBER, what=f"'{operator}'")
    elif left != right or left not in (NUMBER, TEXT, BOOL):
        raise ExpressionError(f"'{operator}' compares {left} with {right}")
    return BOOL


def _check_call(name: str, arguments: list[str]) -> str:
    low, high = _ARITY[name]
    if not low <= len(arguments) <= high:
        count = str(low) if low == high else f"{low} to {high}"
        raise ExpressionError(f"{name}() takes {count} argument(s), not {len(arguments)}")
    what = f"{name}()"
    if name in ("sum", "avg"):
        _need(arguments[0], NUMBER_COLUMN, what=what)
        return NUMBER
    if name == "count":
        _need(arguments[0], NUMBER_COLUMN, TEXT_COLUMN, ROW_COLUMN, TABLE, LIST, what=what)
        return NUMBER
    if name == "unchosen":
        _need(arguments[0], ROW_COLUMN, what=what)
        return LIST
    if name in ("min", "max"):
        if len(arguments) == 1:
            _need(arguments[0], NUMBER_COLUMN, what=f"{what} with one argument")
        else:
            for kind in arguments:
                _need(kind, NUMBER, what=what)
        return NUMBER
    if name == "if":
        _need(arguments[0], BOOL, what="the condition of if()")
        if len(arguments) == 3 and arguments[1] != arguments[2]:
            raise ExpressionError(
                f"if() gives {arguments[1]} or {arguments[2]}: make both the same"
            )
        return arguments[1]
    if name == "answered":
        return BOOL
    if name == "has":
        _need(arguments[0], LIST, what="the first argument of has()")
        _need(arguments[1], TEXT, what="the second argument of has()")
        return BOOL
    for kind in arguments:
        _need(kind, NUMBER, what=what)
    return NUMBER


# --- Evaluation (the reference the browser agrees with) ---------------------------------------

Values = Mapping[str, Any]


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or value is None or value == "":
        return None
    if isinstance(value, int | float):
        return value if math.isfinite(value) else None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _column(values: Values, table: str, column: str) -> list[Any]:
    rows = values.get(table)
    if not isinstance(rows, list):
        return []
    return [row.get(column) for row in rows if isinstance(row, dict)]


def _round(value: float, digits: int) -> float:
    # Half away from zero, written out so that Python and the browser agree.
    scale: int = 10**digits
    return math.copysign(math.floor(abs(value) * scale + 0.5), value) / scale


def answered(value: Any) -> bool:
    return value not in (None, "", [], {})


def evaluate(node: Node, values: Values) -> Any:
    """Evaluate a checked tree. Empty inputs give None, never an error."""
    if "n" in node:
        return node["n"]
    if "s" in node:
        return node["s"]
    if "b" in node:
        return node["b"]
    if "ref" in node:
        return values.get(node["ref"])
    if "col" in node:
        return _column(values, *node["col"])
    if "op" in node:
        return _operate(node["op"], node["a"], values)
    return _call(node["fn"], node["a"], values)


def _operate(operator: str, children: list[Node], values: Values) -> Any:
    if operator == "and":
        return all(evaluate(child, values) is True for child in children)
    if operator == "or":
        return any(evaluate(child, values) is True for child in children)
    if operator == "not":
        return evaluate(children[0], values) is not True
    if operator == "neg":
        number = _number(evaluate(children[0], values))
        return None if number is None else -number
    left, right = (evaluate(child, values) for child in children)
    if operator in ("==", "!="):
        if left is None or right is None or left == "" or right == "":
            return operator == "!="
        if isinstance(left, str) or isinstance(right, str):
            return (str(left) == str(right)) == (operator == "==")
        if isinstance(left, bool) or isinstance(right, bool):
            return (left is right) == (operator == "==")
        return (_number(left) == _number(right)) == (operator == "==")
    a, b = _number(left), _number(right)
    if a is None or b is None:
        return False if operator in COMPARISONS else None
    if operator == "+":
        return a + b
    if operator == "-":
        return a - b
    if operator == "*":
        return a * b
    if operator == "/":
        return None if b == 0 else a / b
    return {"<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b}[operator]


def _call(name: str, children: list[Node], values: Values) -> Any:
    if name == "if":
        if evaluate(children[0], values) is True:
            return evaluate(children[1], values)
        # if(condition, value) has no value when the condition does not hold
        return evaluate(children[2], values) if len(children) == 3 else None
    arguments = [evaluate(child, values) for child in children]
    if name == "unchosen":
        return _unchosen(values.get(".".join(children[0]["col"])), arguments[0])
    if name == "answered":
        return answered(arguments[0])
    if name == "has":
        return isinstance(arguments[0], list) and arguments[1] in arguments[0]
    if name == "count":
        items = arguments[0] if isinstance(arguments[0], list) else []
        if "col" in children[0]:
            return sum(1 for item in items if answered(item))
        return len(items)
    if name in ("sum", "avg", "min", "max"):
        pool = arguments[0] if len(arguments) == 1 else arguments
        numbers = [n for n in map(_number, pool if isinstance(pool, list) else []) if n is not None]
        if name == "sum":
            return math.fsum(numbers) if numbers else 0
        if not numbers:
            return None
        if name == "avg":
            return math.fsum(numbers) / len(numbers)
        return min(numbers) if name == "min" else max(numbers)
    number = _number(arguments[0])
    if number is None:
        return None
    if name == "round":
        digits = _number(arguments[1]) if len(arguments) > 1 else 0
        return _round(number, int(digits or 0))
    if name == "floor":
        return math.floor(number)
    if name == "ceil":
        return math.ceil(number)
    return abs(number)


def options_key(table: str, column: str) -> str:
    """Where the values a formula reads hold the options of a column of chosen rows: a key no
    field can have, "table.column", holding [{"id": row id, "label": text}, ...]."""
    return f"{table}.{column}"


def _unchosen(options: Any, chosen: list[Any]) -> list[str]:
    """The labels of the options no row chose, in their order (evaluate.js's unchosen)."""
    if not isinstance(options, list):
        return []
    return [
        option["label"]
        for option in options
        if isinstance(option, dict) and option.get("id") not in chosen
    ]
