// Placeholder until the widget is built.
export {};
