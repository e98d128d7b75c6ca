package extract

// lastState keeps the last document state for debugging tests only.
var lastState *docState
