public enum SafeXMLPlaceholder {}
