namespace Edge.Core.Rules;

/// <summary>Whether each selected entity is its own incident, or the rule is one incident listing the entities in breach.</summary>
public enum GroupBy
{
    Entity,
    Rule,
}
